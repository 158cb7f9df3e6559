package fltkit.rules;

/**
 * The implementation (or its adapter) did not answer as the SPI promises: it threw, hung, returned
 * {@code null} or a value out of range. The scenario ends <em>broken</em>: not a verdict on any rule, the kit
 * could not judge. The message names the call, the argument and the bad value.
 */
public class BrokenImplementation extends RuntimeException {
    public BrokenImplementation(String message) {
        super(message);
    }

    public BrokenImplementation(String message, Throwable cause) {
        super(message, cause);
    }
}
