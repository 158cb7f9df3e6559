package fltkit.process;

/**
 * The implementation process misbehaved: it hung, exited, wrote something that is not the protocol,
 * or reported an internal error. Never an {@link AssertionError}: the kit reports the scenario as
 * broken, not as a failed rule. The message carries the tail of the process's stderr.
 */
public class ProcessImplementationException extends RuntimeException {
    public ProcessImplementationException(String message) {
        super(message);
    }
}
