package fltkit.spi;

/**
 * Outstanding memory the filter manager holds for contexts and callback data, counted in blocks.
 * A lookaside list's cached free entries are not outstanding.
 *
 * @param outstandingBlocks blocks taken from pool, lookaside lists or the allocate callback and not yet given back
 * @param outstandingBytes  their total size in bytes, headers included
 * @param liveContexts      contexts not yet freed
 */
public record PoolSnapshot(long outstandingBlocks, long outstandingBytes, long liveContexts) {
}
