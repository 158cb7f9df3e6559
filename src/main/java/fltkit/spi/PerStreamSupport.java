package fltkit.spi;

/** Role {@link Capability#STREAM_SUPPORT_TOGGLE}: a file system with or without per-stream contexts. */
public interface PerStreamSupport {
    /** Whether the file system supports stream and stream-handle contexts from now on. */
    void setPerStreamContextSupport(boolean supported);
}
