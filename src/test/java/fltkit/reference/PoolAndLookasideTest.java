package fltkit.reference;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PoolAndLookasideTest {

    @Test
    void poolCountsOutstandingBlocksAndBytes() {
        Pool pool = new Pool();
        Pool.Block a = pool.allocate(100, true, false);
        Pool.Block b = pool.allocate(50, false, false);
        assertThat(pool.outstandingBlocks()).isEqualTo(2);
        assertThat(pool.outstandingBytes()).isEqualTo(150);
        pool.free(a);
        assertThat(pool.outstandingBlocks()).isEqualTo(1);
        assertThat(pool.outstandingBytes()).isEqualTo(50);
        assertThatThrownBy(() -> pool.free(a)).hasMessageContaining("freed twice");
        assertThat(b.paged).isFalse();
    }

    @Test
    void poolRecyclesFreedMemoryWithItsOldBytesUnlessAskedToZero() {
        Pool pool = new Pool();
        Pool.Block fresh = pool.allocate(64, true, false);
        assertThat(fresh.bytes).containsOnly(Pool.FRESH_FILL);
        Arrays.fill(fresh.bytes, (byte) 0xA5);
        pool.free(fresh);
        Pool.Block again = pool.allocate(64, true, false);
        assertThat(again.address).isEqualTo(fresh.address);
        assertThat(again.bytes).containsOnly((byte) 0xA5);
        pool.free(again);
        assertThat(pool.allocate(64, true, true).bytes).containsOnly((byte) 0);
    }

    @Test
    void poolFailsTheScriptedNumberOfAllocations() {
        Pool pool = new Pool();
        pool.failAfter(0, 2);
        assertThat(pool.allocate(8, true, false)).isNull();
        assertThat(pool.allocate(8, true, false)).isNull();
        assertThat(pool.allocate(8, true, false)).isNotNull();
    }

    @Test
    void lookasideHandsBackTheLastFreedEntryDirtyAndKeepsItOutOfPool() {
        Pool pool = new Pool();
        Lookaside list = new Lookaside(pool, 0x60 + 64, true);
        Pool.Block entry = list.allocate();
        Arrays.fill(entry.bytes, (byte) 0xA5);
        list.free(entry);
        assertThat(list.cachedEntries()).isEqualTo(1);
        assertThat(pool.outstandingBlocks()).as("a cached entry still belongs to the list").isEqualTo(1);
        Pool.Block again = list.allocate();
        assertThat(again).isSameAs(entry);
        assertThat(again.bytes).containsOnly((byte) 0xA5);
        assertThat(list.cachedEntries()).isZero();
    }

    @Test
    void lookasideFailsWhenPoolIsExhaustedEvenWithCachedEntries() {
        Pool pool = new Pool();
        Lookaside list = new Lookaside(pool, 0x60, false);
        list.free(list.allocate());
        pool.failAfter(0, 1);
        assertThat(list.allocate()).isNull();
        assertThat(list.allocate()).isNotNull();
    }

    @Test
    void aFreshLookasideEntryIsOneAllocationForFaultInjection() {
        Pool pool = new Pool();
        Lookaside list = new Lookaside(pool, 0x60 + 16, true);
        pool.failAfter(1, 1);
        assertThat(list.allocate()).as("the one allowed success").isNotNull();
        assertThat(list.allocate()).as("the failure after it").isNull();
        assertThat(list.allocate()).isNotNull();
    }

    @Test
    void aFreedBlockServesOnlyItsOwnPool() {
        Pool pool = new Pool();
        Pool.Block paged = pool.allocate(64, true, false);
        pool.free(paged);
        Pool.Block nonPaged = pool.allocate(64, false, false);
        assertThat(nonPaged.address).as("paged memory never serves a nonpaged request").isNotEqualTo(paged.address);
        assertThat(nonPaged.paged).isFalse();
        assertThat(pool.allocate(64, true, false)).as("it serves the next paged one").isSameAs(paged);
    }
}
