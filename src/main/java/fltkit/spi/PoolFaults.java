package fltkit.spi;

/** Role {@link Capability#POOL_FAULTS}: pool exhaustion on demand. */
public interface PoolFaults {
    /**
     * The next {@code successes} pool or lookaside allocations succeed and the {@code count} after them
     * fail (FltAllocateContext then answers STATUS_INSUFFICIENT_RESOURCES).
     */
    void failPoolAllocationsAfter(int successes, int count);
}
