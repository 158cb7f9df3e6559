package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of the minifilter portion: dirtying a context, getting its memory back, and checking what
 * a new context holds (the zeroing rules).
 */
public class ContextMemorySteps {
    /** The pattern a dirtied context is filled with. */
    static final byte DIRTY = (byte) 0xA5;
    /** How many allocations the kit makes, at most, waiting for a released context's memory to come back. */
    static final int REUSE_ATTEMPTS = 32;

    private final ScenarioState state;
    private final Judge judge;
    private final AllocationSteps allocations;
    /** The contexts allocated by the last "until the memory ... comes back" step, in order. */
    private final List<Long> since = new ArrayList<>();
    private long awaited;

    public ContextMemorySteps(ScenarioState state, Judge judge, AllocationSteps allocations) {
        this.state = state;
        this.judge = judge;
        this.allocations = allocations;
    }

    private ContextMemory memory() {
        return state.role(ContextMemory.class);
    }

    @When("the minifilter fills {string} with 0xA5 and releases it")
    public void dirtyAndRelease(String name) {
        long context = state.contexts().named(name, judge);
        byte[] dirt = new byte[(int) state.contexts().requestedSize(context, judge)];
        Arrays.fill(dirt, DIRTY);
        memory().writeContext(context, 0, dirt);
        state.fm().releaseContext(context);
        state.contexts().letGo(context);
    }

    /**
     * Allocates until the address of the released context comes back or {@link #REUSE_ATTEMPTS} is
     * reached. Every context stays held, so an allocator that cycles through its free entries must
     * eventually hand out the dirty one.
     */
    @When("the minifilter allocates {contextType} of {long} bytes from {pool} until the memory of {string} comes back")
    public void allocateUntilReused(ContextType type, long size, Integer pool, String name) {
        awaited = state.contexts().named(name, judge);
        since.clear();
        for (int attempt = 1; attempt <= REUSE_ATTEMPTS; attempt++) {
            Allocation allocation = allocations.allocate(type.value(), size, pool);
            judge.status(allocations.lastCall(), allocation.status(), NtStatus.STATUS_SUCCESS);
            since.add(allocation.returnedContext());
            if (allocation.returnedContext() == awaited) {
                state.record("memory reuse", String.format("the memory of \"%s\" came back on allocation %d of at most %d",
                        name, attempt, REUSE_ATTEMPTS));
                return;
            }
        }
        state.record("memory reuse", String.format("the memory of \"%s\" did not come back within %d allocations",
                name, REUSE_ATTEMPTS));
    }

    /** Paged and nonpaged pool are separate memory: a block of one never serves a context of the other. */
    @Then("the memory of {string} did not come back")
    public void notReused(String name) {
        checkedAfterAllocating();
        int at = since.indexOf(awaited);
        judge.that(at < 0, () -> String.format("allocation %d of %d (%s) handed back 0x%X, the memory \"%s\" had: a context "
                + "from one pool was served from memory of the other", at + 1, since.size(), allocations.lastCall(), awaited,
                name));
    }

    @Then("every byte of {string} is zero")
    public void namedIsZero(String name) {
        expectZero(state.contexts().named(name, judge), "\"" + name + "\"");
    }

    @Then("every byte of every context allocated since is zero")
    public void allSinceAreZero() {
        checkedAfterAllocating();
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
        int firstNonZero = first;
        int nonZeroBytes = nonZero;
        judge.equal(nonZeroBytes, 0, () -> String.format("context 0x%X (%s) from %s has %d of %d bytes non-zero, the first at "
                + "offset %d (0x%02X); expected every byte zero", context, which, allocations.lastCall(), nonZeroBytes,
                bytes.length, firstNonZero, firstNonZero < 0 ? 0 : bytes[firstNonZero] & 0xFF));
    }

    /** A context in recycled memory is a new context: its count starts where every new context's does. */
    @Then("every context allocated since has a reference count of {int}")
    public void allSinceCounted(int expected) {
        checkedAfterAllocating();
        for (int i = 0; i < since.size(); i++) {
            long context = since.get(i);
            ContextState inspected = state.role(ContextInspection.class).inspectContext(context);
            String which = String.format("allocation %d%s", i + 1, context == awaited ? " (recycled memory)" : "");
            judge.equal(inspected.referenceCount(), expected, () -> String.format("context 0x%X (%s) from %s has a reference "
                    + "count of %d, expected %d", context, which, allocations.lastCall(), inspected.referenceCount(), expected));
        }
    }

    @Then("the kit records how many dirty bytes the new context kept")
    public void recordDirtyBytes() {
        checkedAfterAllocating();
        long last = since.get(since.size() - 1);
        byte[] bytes = read(last);
        long dirty = count(bytes, DIRTY);
        long zero = count(bytes, (byte) 0);
        if (last == awaited) {
            state.record("recycled context", String.format("recycled memory kept %d of %d dirty bytes (%d zero)",
                    dirty, bytes.length, zero));
        } else {
            state.record("new context", String.format("memory not reused within %d allocations; the last new context "
                    + "had %d of %d bytes zero", since.size(), zero, bytes.length));
        }
    }

    @Then("every byte of {string} can be written and read back")
    public void writeAndReadBack(String name) {
        long context = state.contexts().named(name, judge);
        byte[] pattern = new byte[(int) state.contexts().requestedSize(context, judge)];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 31 + 7);
        }
        memory().writeContext(context, 0, pattern);
        byte[] back = read(context);
        judge.equal(Arrays.mismatch(pattern, back), -1, () -> String.format("%d bytes written into context 0x%X did not read "
                + "back the same (first difference at offset %d)", pattern.length, context, Arrays.mismatch(pattern, back)));
    }

    /**
     * Contexts alive at once do not share memory: each gets its own pattern, then each must read back its own,
     * so a write into one that lands in another shows.
     */
    @Then("{string}, {string} and {string} each hold their own bytes")
    public void eachHoldsItsOwn(String first, String second, String third) {
        List<String> names = List.of(first, second, third);
        List<byte[]> patterns = new ArrayList<>();
        for (int n = 0; n < names.size(); n++) {
            long context = state.contexts().named(names.get(n), judge);
            byte[] pattern = new byte[(int) state.contexts().requestedSize(context, judge)];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) (i * 7 + 0x31 * (n + 1));
            }
            memory().writeContext(context, 0, pattern);
            patterns.add(pattern);
        }
        for (int n = 0; n < names.size(); n++) {
            long context = state.contexts().named(names.get(n), judge);
            byte[] back = read(context);
            int mismatch = Arrays.mismatch(patterns.get(n), back);
            String name = names.get(n);
            judge.equal(mismatch, -1, () -> String.format("\"%s\" (0x%X) no longer holds the bytes written into it once \"%s\", "
                    + "\"%s\" and \"%s\" were each written (first difference at offset %d): contexts alive at once share memory",
                    name, context, first, second, third, mismatch));
        }
    }

    private void checkedAfterAllocating() {
        if (since.isEmpty()) {
            throw judge.kitError("checks new contexts before allocating any");
        }
    }

    /** The context's requested bytes; an implementation answering with another length is broken, not failing. */
    private byte[] read(long context) {
        int length = (int) state.contexts().requestedSize(context, judge);
        byte[] bytes = memory().readContext(context, 0, length);
        if (bytes.length != length) {
            throw new fltkit.rules.BrokenImplementation(String.format("readContext(0x%X, 0, %d) returned %d bytes; the SPI "
                    + "promises exactly the bytes asked for", context, length, bytes.length));
        }
        return bytes;
    }

    private static long count(byte[] bytes, byte value) {
        long n = 0;
        for (byte b : bytes) {
            n += b == value ? 1 : 0;
        }
        return n;
    }
}
