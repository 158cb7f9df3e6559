package fltkit.explore;

import fltkit.spi.BugCheck;

/**
 * An implementation answered a call the minifilter was entitled to make by throwing: a {@link BugCheck}
 * (it stopped the machine) or anything else (it broke), or it answered null where the SPI promises a value.
 */
final class Fault extends RuntimeException {
    private final String call;
    private final boolean underTest;

    Fault(String call, Throwable cause, boolean underTest) {
        super(call + (cause instanceof BugCheck ? " stopped the machine: " : " threw ")
                + (cause instanceof BugCheck ? cause.getMessage() : cause.getClass().getName() + ": " + cause.getMessage()), cause);
        this.call = call;
        this.underTest = underTest;
    }

    Fault(String call, String problem, boolean underTest) {
        super(call + " " + problem);
        this.call = call;
        this.underTest = underTest;
    }

    /** Whether the implementation under test faulted (otherwise the reference did: the kit's own mistake). */
    boolean underTest() {
        return underTest;
    }

    String call() {
        return call;
    }

    /** Whether the implementation stopped the machine (a bug check) rather than broke. */
    boolean stoppedTheMachine() {
        return getCause() instanceof BugCheck;
    }
}
