package fltkit.reference;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model of kernel pool: blocks with addresses and contents. Freed blocks are kept per pool (paged or
 * nonpaged) and size and handed out again, most recently freed first, with their old bytes intact, the way a
 * real allocator recycles memory; paged and nonpaged pool are separate memory, so a block never changes pool.
 * Fresh blocks come back zeroed only when the caller asks (POOL_ZERO_ALLOCATION); otherwise they
 * are filled with {@link #FRESH_FILL} so that "not guaranteed zero" is visible. Not thread-safe: the
 * filter manager model serialises access. Not final: the kit's self-tests break it on purpose (one memory for
 * both pools) to show that the scenarios see the difference.
 */
class Pool {
    /** What never-zeroed fresh memory contains in the model. */
    static final byte FRESH_FILL = (byte) 0xCD;
    private static final long FIRST_ADDRESS = 0x1000_0000_0000L;
    private static final long ALIGNMENT = 16;

    private final Map<Long, Block> live = new HashMap<>();
    /** Freed blocks by pool and size (see {@link #recycleKey}). */
    private final Map<Object, Deque<Block>> recycled = new HashMap<>();
    private long nextAddress = FIRST_ADDRESS;
    private int failuresPending;
    /** Allocations that still succeed before the pending failures start. */
    private int successesFirst;
    private long outstandingBytes;

    /** One allocation: its address, size, whether it is paged, and its bytes. */
    static final class Block {
        final long address;
        final byte[] bytes;
        final boolean paged;

        Block(long address, int size, boolean paged) {
            this.address = address;
            this.bytes = new byte[size];
            this.paged = paged;
        }

        int size() {
            return bytes.length;
        }
    }

    void failAfter(int successes, int count) {
        successesFirst = successes;
        failuresPending = count;
    }

    /** Consumes one pending failure, if any: true when this allocation must fail. */
    boolean consumeFailure() {
        if (failuresPending > 0 && successesFirst > 0) {
            successesFirst--;
            return false;
        }
        if (failuresPending > 0) {
            failuresPending--;
            return true;
        }
        return false;
    }

    /** A block of {@code size} bytes, or null when pool is exhausted (fault injection). */
    Block allocate(int size, boolean paged, boolean zeroed) {
        if (consumeFailure()) {
            return null;
        }
        Deque<Block> reuse = recycled.get(recycleKey(size, paged));
        Block block;
        if (reuse != null && !reuse.isEmpty()) {
            block = reuse.pop();
        } else {
            block = new Block(nextAddress, size, paged);
            nextAddress += (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT + ALIGNMENT;
            java.util.Arrays.fill(block.bytes, FRESH_FILL);
        }
        if (zeroed) {
            java.util.Arrays.fill(block.bytes, (byte) 0);
        }
        live.put(block.address, block);
        outstandingBytes += size;
        return block;
    }

    void free(Block block) {
        if (live.remove(block.address) == null) {
            throw new IllegalStateException(String.format("pool block 0x%X freed twice", block.address));
        }
        outstandingBytes -= block.size();
        recycled.computeIfAbsent(recycleKey(block.size(), block.paged), k -> new ArrayDeque<>()).push(block);
    }

    /** Which freed blocks a request may get: those of its size and pool. */
    Object recycleKey(int size, boolean paged) {
        return List.of(size, paged);
    }

    /** A lookaside list of {@code entrySize} entries of this pool, paged or nonpaged. */
    Lookaside lookaside(int entrySize, boolean paged) {
        return new Lookaside(this, entrySize, paged);
    }

    long outstandingBlocks() {
        return live.size();
    }

    long outstandingBytes() {
        return outstandingBytes;
    }
}
