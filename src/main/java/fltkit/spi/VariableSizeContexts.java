package fltkit.spi;

/**
 * Role {@link Capability#VARIABLE_SIZE}: registration entries of Size FLT_VARIABLE_SIZED_CONTEXTS are
 * honoured. Implementing this interface is the declaration; it has no routine of its own.
 */
public interface VariableSizeContexts {
}
