package fltkit.spi;

/**
 * Thrown by an implementation where Windows would stop the machine (e.g. bug check 0xF5
 * FLTMGR_FILE_SYSTEM, parameter 0x6D: a context released too many times). Only scenarios of
 * CALLER-CONTRACT rules accept it; anywhere else it marks the implementation as broken.
 */
public class BugCheck extends RuntimeException {
    public static final int FLTMGR_FILE_SYSTEM = 0xF5;
    /** Parameter 1: the reference count reached zero while the context was still attached, or went below zero. */
    public static final int CONTEXT_OVER_RELEASED = 0x6D;
    /** Parameter 1: a context was referenced after it had been freed. */
    public static final int CONTEXT_USED_AFTER_FREE = 0x6E;

    private final int code;
    private final long parameter1;

    public BugCheck(int code, long parameter1, String description) {
        super(String.format("bug check 0x%X, parameter 1 = 0x%X: %s", code, parameter1, description));
        this.code = code;
        this.parameter1 = parameter1;
    }

    public int code() {
        return code;
    }

    public long parameter1() {
        return parameter1;
    }
}
