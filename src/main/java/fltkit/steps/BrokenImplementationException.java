package fltkit.steps;

/**
 * The implementation (or its adapter) threw instead of answering. Reported as "broken", never as a
 * failed rule: it says nothing about conformance, only that the run could not judge.
 */
public class BrokenImplementationException extends RuntimeException {
    public BrokenImplementationException(String message, Throwable cause) {
        super(message, cause);
    }
}
