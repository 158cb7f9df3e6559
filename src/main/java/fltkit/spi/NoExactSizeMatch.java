package fltkit.spi;

/**
 * Role {@link Capability#NO_EXACT_SIZE_MATCH}: the FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH flag is
 * honoured when a fixed-size definition is chosen. Implementing this interface is the declaration.
 */
public interface NoExactSizeMatch {
}
