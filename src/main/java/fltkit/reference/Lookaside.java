package fltkit.reference;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A lookaside list of fixed-size entries over the pool: freed entries are cached (up to a depth) and
 * handed out again without being cleared, which is why a fixed-size context cannot be assumed zero.
 */
final class Lookaside {
    private static final int DEPTH = 256;

    private final Pool pool;
    private final int entrySize;
    private final boolean paged;
    private final int depth;
    private final Deque<Pool.Block> cached = new ArrayDeque<>();

    Lookaside(Pool pool, int entrySize, boolean paged) {
        this(pool, entrySize, paged, DEPTH);
    }

    /** A list that caches at most {@code depth} entries; at 0 every freed entry goes straight back to pool. */
    Lookaside(Pool pool, int entrySize, boolean paged, int depth) {
        this.pool = pool;
        this.entrySize = entrySize;
        this.paged = paged;
        this.depth = depth;
    }

    /**
     * An entry, recycled if one is cached, or null when pool is exhausted. Either way it is one allocation as
     * fault injection counts them: a cached entry consumes the injected failure here, a fresh one in the pool.
     */
    Pool.Block allocate() {
        if (cached.isEmpty()) {
            return pool.allocate(entrySize, paged, false);
        }
        return pool.consumeFailure() ? null : cached.poll();
    }

    void free(Pool.Block block) {
        if (cached.size() < depth) {
            cached.push(block);
        } else {
            pool.free(block);
        }
    }

    /** Entries handed back to the list but not to pool. */
    int cachedEntries() {
        return cached.size();
    }
}
