package fltkit.spi;

/**
 * What the implementation knows about one context (whitebox observation).
 *
 * @param alive          false once the context has been freed
 * @param referenceCount the current reference count (meaningless when not alive)
 * @param contextType    FLT_CONTEXT_TYPE of the context
 * @param size           size of the minifilter portion in bytes: for a fixed-size definition its registered
 *                       Size (which NO_EXACT_SIZE_MATCH lets exceed the request), otherwise the requested size
 * @param poolType       the pool type the memory came from
 * @param origin         lookaside list, pool or allocate callback
 * @param attached       whether it is currently set on (linked to) an object
 * @param cleanupCalls   how many times the cleanup callback ran for it
 */
public record ContextState(boolean alive, int referenceCount, int contextType, long size, int poolType,
                           ContextOrigin origin, boolean attached, int cleanupCalls) {
}
