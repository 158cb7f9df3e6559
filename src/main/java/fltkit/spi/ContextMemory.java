package fltkit.spi;

/** Role {@link Capability#CONTEXT_MEMORY}: the bytes of a live context's minifilter portion, for the zeroing rules. */
public interface ContextMemory {
    /** {@code length} bytes of the minifilter portion, from {@code offset}. */
    byte[] readContext(long context, int offset, int length);

    /** Writes into the minifilter portion, as the minifilter would. */
    void writeContext(long context, int offset, byte[] data);
}
