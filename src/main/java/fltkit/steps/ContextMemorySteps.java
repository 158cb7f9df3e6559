package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes of the minifilter portion: dirtying a context, getting its memory back, and checking what
 * a new context holds (the zeroing rules).
 */
public class ContextMemorySteps {
    /** The pattern a dirtied context is filled with. */
    static final byte DIRTY = (byte) 0xA5;
    /** How many allocations the kit makes, at most, waiting for a released context's memory to come back. */
    static final int REUSE_ATTEMPTS = 32;

    private final World world;
    private final AllocationSteps allocations;
    /** The contexts allocated by the last "until the memory ... comes back" step, in order. */
    private final List<Long> since = new ArrayList<>();
    private long awaited;

    public ContextMemorySteps(World world, AllocationSteps allocations) {
        this.world = world;
        this.allocations = allocations;
    }

    @When("the minifilter fills {string} with 0xA5 and releases it")
    public void dirtyAndRelease(String name) {
        long context = world.context(name);
        byte[] dirt = new byte[(int) allocations.requestedSize(context)];
        Arrays.fill(dirt, DIRTY);
        world.fm().writeContext(context, 0, dirt);
        world.fm().releaseContext(context);
        world.letGo(context);
    }

    /**
     * Allocates until the address of the released context comes back or {@link #REUSE_ATTEMPTS} is
     * reached. Every context stays held, so an allocator that cycles through its free entries must
     * eventually hand out the dirty one.
     */
    @When("the minifilter allocates {contextType} of {long} bytes from {pool} until the memory of {string} comes back")
    public void allocateUntilReused(ContextType type, long size, Integer pool, String name) {
        awaited = world.context(name);
        since.clear();
        for (int attempt = 1; attempt <= REUSE_ATTEMPTS; attempt++) {
            Allocation allocation = allocations.allocate(type.value(), type.symbol(), size, pool);
            world.expectStatus(allocations.lastCall(), allocation.status(), NtStatus.STATUS_SUCCESS);
            since.add(allocation.returnedContext());
            if (allocation.returnedContext() == awaited) {
                world.record("memory reuse", String.format("the memory of \"%s\" came back on allocation %d of at most %d",
                        name, attempt, REUSE_ATTEMPTS));
                return;
            }
        }
        world.record("memory reuse", String.format("the memory of \"%s\" did not come back within %d allocations",
                name, REUSE_ATTEMPTS));
    }

    @Then("every byte of {string} is zero")
    public void namedIsZero(String name) {
        expectZero(world.context(name), "\"" + name + "\"");
    }

    @Then("every byte of every context allocated since is zero")
    public void allSinceAreZero() {
        assertThat(since).withFailMessage("%s: the scenario checks new contexts before allocating any", world.ruleId()).isNotEmpty();
        for (int i = 0; i < since.size(); i++) {
            long context = since.get(i);
            expectZero(context, String.format("allocation %d%s", i + 1, context == awaited ? " (recycled memory)" : ""));
        }
    }

    private void expectZero(long context, String which) {
        byte[] bytes = read(context);
        int nonZero = 0;
        int first = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                nonZero++;
                first = first < 0 ? i : first;
            }
        }
        assertThat(nonZero)
                .withFailMessage("%s violated: context 0x%X (%s) from %s has %d of %d bytes non-zero, the first at offset %d "
                                + "(0x%02X); expected every byte zero", world.ruleId(), context, which, allocations.lastCall(),
                        nonZero, bytes.length, first, first < 0 ? 0 : bytes[first] & 0xFF)
                .isZero();
    }

    @Then("the kit records how many dirty bytes the new context kept")
    public void recordDirtyBytes() {
        assertThat(since).withFailMessage("%s: the scenario checks new contexts before allocating any", world.ruleId()).isNotEmpty();
        long last = since.get(since.size() - 1);
        byte[] bytes = read(last);
        long dirty = count(bytes, DIRTY);
        long zero = count(bytes, (byte) 0);
        if (last == awaited) {
            world.record("recycled context", String.format("recycled memory kept %d of %d dirty bytes (%d zero)",
                    dirty, bytes.length, zero));
        } else {
            world.record("new context", String.format("memory not reused within %d allocations; the last new context "
                    + "had %d of %d bytes zero", since.size(), zero, bytes.length));
        }
    }

    @Then("every byte of {string} can be written and read back")
    public void writeAndReadBack(String name) {
        long context = world.context(name);
        byte[] pattern = new byte[(int) allocations.requestedSize(context)];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 31 + 7);
        }
        world.fm().writeContext(context, 0, pattern);
        byte[] back = world.fm().readContext(context, 0, pattern.length);
        assertThat(Arrays.mismatch(pattern, back))
                .withFailMessage("%s violated: %d bytes written into context 0x%X did not read back the same (first difference "
                        + "at offset %d)", world.ruleId(), pattern.length, context, Arrays.mismatch(pattern, back))
                .isEqualTo(-1);
    }

    private byte[] read(long context) {
        return world.fm().readContext(context, 0, (int) allocations.requestedSize(context));
    }

    private static long count(byte[] bytes, byte value) {
        long n = 0;
        for (byte b : bytes) {
            n += b == value ? 1 : 0;
        }
        return n;
    }
}
