package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import fltkit.steps.LastAnswer.Routine;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

/**
 * The calls the filter manager makes into the minifilter's context callbacks (ContextAllocateCallback,
 * ContextCleanupCallback, ContextFreeCallback), as the implementation reported them, and the pool they
 * give memory back to.
 */
public class ContextCallbackSteps {
    private final ScenarioState state;
    private final Judge judge;
    private final AllocationSteps allocations;

    public ContextCallbackSteps(ScenarioState state, Judge judge, AllocationSteps allocations) {
        this.state = state;
        this.judge = judge;
        this.allocations = allocations;
    }

    // ---- The allocate callback ----

    @Then("the allocate callback was called once")
    public void allocateCalledOnce() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        judge.equal(calls.size(), 1, () -> "after " + allocations.lastCall() + " the allocate callback was called "
                + calls.size() + " times, expected once: " + calls);
    }

    @Then("the allocate callback has not been called")
    public void allocateNotCalled() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        judge.that(calls.isEmpty(), () -> "after " + allocations.lastCall() + " the allocate callback was called " + calls.size()
                + " time(s), expected never: no definition of that type has an allocate routine; calls: " + calls);
    }

    /**
     * The minifilter portion lies within the block (a containment, which is all ACB-001 says: the context is built
     * in the block the routine returned); where in it the filter manager keeps its own portion is ACB-009's.
     */
    @Then("the returned context lies inside the block the allocate callback returned")
    public void insideBlock() {
        long context = returnedContext();
        CallbackEvent call = blockOf(context);
        long request = state.contexts().requestedSize(context, judge);
        judge.that(context >= call.address() && context + request <= call.address() + call.size(),
                () -> String.format("%s handed back context 0x%X (%d bytes), which is not inside the block 0x%X..0x%X the "
                        + "allocate callback returned", allocations.lastCall(), context, request, call.address(),
                        call.address() + call.size()));
    }

    @Then("the allocate callback was asked for {pool}")
    public void askedForPool(Integer pool) {
        CallbackEvent call = lastAllocate();
        judge.equal(call.poolType(), pool, () -> "for " + allocations.lastCall() + " the allocate callback was asked for "
                + PoolType.name(call.poolType()) + ", expected " + PoolType.name(pool));
    }

    /**
     * ACB-003: Size covers the filter manager's portion as well as the minifilter's, and the filter manager's is not
     * empty. "More than" is all this rule can say of one call; the exact relation (ContextSize plus one fixed portion)
     * needs several calls to compare and is ACB-009's.
     */
    @Then("the allocate callback was asked for more than {long} bytes")
    public void askedForMoreThan(long bytes) {
        long context = returnedContext();
        CallbackEvent call = blockOf(context);
        judge.that(call.size() > bytes, () -> "for " + allocations.lastCall() + " the allocate callback was asked for "
                + call.size() + " bytes, expected more than " + bytes + " (the filter manager's portion plus the minifilter's)");
    }

    /**
     * ACB-009: Size is the filter manager's portion plus exactly ContextSize, and the filter manager's portion is its
     * own structure, so for one context type it is one size whatever the ContextSize. Where in the block the filter
     * manager keeps it is not documented, so the place of the context in its block is only required to be the same
     * for every context of the type; Size minus ContextSize must be the same number for all of them.
     */
    @Then("the filter manager's portion is the same for every context of a type from the allocate callback")
    public void samePortion() {
        List<HeldContexts.Request> fromCallback = state.contexts().allocations().stream()
                .filter(r -> r.allocateCall() != null).toList();
        if (fromCallback.stream().map(HeldContexts.Request::contextSize).distinct().count() < 2) {
            throw judge.kitError("compares the filter manager's portion of contexts of fewer than two ContextSizes");
        }
        java.util.Map<Integer, HeldContexts.Request> firstOfType = new java.util.HashMap<>();
        for (HeldContexts.Request other : fromCallback) {
            HeldContexts.Request first = firstOfType.computeIfAbsent(other.contextType(), t -> other);
            long offset = other.context() - other.allocateCall().address();
            long portion = other.allocateCall().size() - other.contextSize();
            long firstOffset = first.context() - first.allocateCall().address();
            long firstPortion = first.allocateCall().size() - first.contextSize();
            judge.that(portion == firstPortion && offset == firstOffset, () -> String.format("the allocate callback was asked "
                    + "for %d bytes for a context of ContextSize %d (a filter manager's portion of %d bytes, the context %d bytes "
                    + "into its block), but for one of ContextSize %d for %d bytes (a portion of %d bytes, %d bytes in): "
                    + "expected Size = ContextSize + one fixed portion for every 0x%04X context",
                    other.allocateCall().size(), other.contextSize(), portion, offset, first.contextSize(),
                    first.allocateCall().size(), firstPortion, firstOffset, other.contextType()));
        }
    }

    @Then("the allocate callback was asked for a {contextType}")
    public void askedForType(ContextType type) {
        CallbackEvent call = lastAllocate();
        judge.equal(call.contextType(), type.value(), () -> String.format("for %s the allocate callback was asked for type "
                + "0x%04X, expected %s (0x%04X)", allocations.lastCall(), call.contextType(), type.symbol(), type.value()));
    }

    /** "At or below" is the requirement itself: the routine's page gives IRQL at or below APC_LEVEL, not one level. */
    @Then("the allocate callback ran at APC_LEVEL or below")
    public void ranAtApcOrBelow() {
        CallbackEvent call = lastAllocate();
        judge.that(call.irql().compareTo(Irql.APC_LEVEL) <= 0, () -> "for " + allocations.lastCall()
                + " the allocate callback ran at " + call.irql() + ", expected APC_LEVEL or below");
    }

    @Then("the kit records the pool type the allocate callback was asked for")
    public void recordPool() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        state.record("allocate callback PoolType", calls.isEmpty() ? "the callback was not called"
                : PoolType.name(calls.get(calls.size() - 1).poolType()));
    }

    // ---- The cleanup and free callbacks ----

    @Then("the cleanup callback ran once for {string} as a {contextType}")
    public void cleanupRanOnce(String name, ContextType type) {
        long context = state.contexts().named(name, judge);
        List<CallbackEvent> cleanups = cleanups(context);
        judge.equal(cleanups.size(), 1, () -> "the cleanup callback ran " + cleanups.size() + " time(s) for "
                + state.contexts().nameOf(context) + ", expected once; calls seen: " + state.callbacks());
        judge.equal(cleanups.get(0).contextType(), type.value(), () -> String.format("the cleanup callback for %s got ContextType "
                + "0x%04X, expected %s (0x%04X)", state.contexts().nameOf(context), cleanups.get(0).contextType(), type.symbol(),
                type.value()));
    }

    @Then("the cleanup callback has not run for {string}")
    public void cleanupNotRun(String name) {
        long context = state.contexts().named(name, judge);
        judge.that(cleanups(context).isEmpty(), () -> "the cleanup callback ran for " + state.contexts().nameOf(context)
                + " while a reference was still held; calls seen: " + state.callbacks());
    }

    @Then("no cleanup callback ran")
    public void noCleanup() {
        judge.that(calls(CallbackEvent.Kind.CLEANUP).isEmpty(), () -> "a cleanup callback ran although none was registered; "
                + "calls seen: " + state.callbacks());
    }

    /**
     * The block the allocate callback returned while the context was allocated goes to the free callback exactly once,
     * with the context's type.
     */
    @Then("the free callback got the block the allocate callback returned for {string}")
    public void freeGotBlock(String name) {
        long context = state.contexts().named(name, judge);
        List<CallbackEvent> events = state.callbacks();
        CallbackEvent block = blockOf(context);
        List<CallbackEvent> frees = frees(context, block);
        judge.equal(frees.size(), 1, () -> String.format("the free callback got block 0x%X (the one the allocate callback returned "
                + "for %s) %d time(s), expected once; calls seen: %s", block.address(), state.contexts().nameOf(context),
                frees.size(), events));
        int type = state.contexts().requestedType(context, judge);
        judge.equal(frees.get(0).contextType(), type, () -> String.format("the free callback for block 0x%X got "
                + "ContextType 0x%04X, expected 0x%04X, the type %s was allocated as", block.address(),
                frees.get(0).contextType(), type, state.contexts().nameOf(context)));
    }

    @Then("the cleanup callback for {string} ran before its free callback")
    public void cleanupBeforeFree(String name) {
        long context = state.contexts().named(name, judge);
        List<CallbackEvent> events = state.callbacks();
        List<CallbackEvent> frees = frees(context, blockOf(context));
        List<CallbackEvent> cleanups = cleanups(context);
        judge.that(!cleanups.isEmpty() && !frees.isEmpty() && events.indexOf(cleanups.get(0)) < events.indexOf(frees.get(0)),
                () -> "the cleanup callback for " + state.contexts().nameOf(context) + " did not run before its free callback; "
                        + "calls seen: " + events);
    }

    /** The block the allocate callback returned during the allocation that handed back this context. */
    private CallbackEvent blockOf(long context) {
        CallbackEvent block = state.contexts().requestOf(context, judge).allocateCall();
        judge.that(block != null, () -> "the allocate callback returned no block while FltAllocateContext allocated "
                + state.contexts().nameOf(context) + "; calls seen: " + state.callbacks());
        return block;
    }

    /** Calls into the free callback with the block, since the allocation it belongs to. */
    private List<CallbackEvent> frees(long context, CallbackEvent block) {
        return since(context).stream().filter(e -> e.kind() == CallbackEvent.Kind.FREE && e.address() == block.address()).toList();
    }

    /** As for the allocate callback: the cleanup and free routines' pages give IRQL at or below APC_LEVEL. */
    @Then("every context callback ran at APC_LEVEL or below")
    public void callbacksBelowDispatch() {
        List<CallbackEvent> events = state.callbacks();
        judge.that(events.stream().allMatch(e -> e.irql().compareTo(Irql.APC_LEVEL) <= 0),
                () -> "a context callback ran above APC_LEVEL; calls seen: " + events);
    }

    // ---- The pool the memory goes back to ----

    @Given("the kit notes the pool's outstanding blocks")
    public void notePool() {
        state.contexts().note(state.role(PoolAccounting.class).pool());
    }

    /** Blocks and their bytes: a block given back with fewer bytes than it took (or none) is memory that stays taken. */
    @Then("the pool's outstanding blocks are back to what the kit noted")
    public void poolBack() {
        PoolSnapshot now = state.role(PoolAccounting.class).pool();
        PoolSnapshot noted = state.contexts().noted(judge);
        judge.equal(now.outstandingBlocks(), noted.outstandingBlocks(), () -> now.outstandingBlocks()
                + " pool block(s) outstanding, expected " + noted.outstandingBlocks() + " as before; the memory did not go back");
        judge.equal(now.outstandingBytes(), noted.outstandingBytes(), () -> now.outstandingBytes()
                + " bytes in outstanding pool blocks, expected " + noted.outstandingBytes() + " as before; the memory did not go back");
    }

    private CallbackEvent lastAllocate() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        judge.that(!calls.isEmpty(), () -> allocations.lastCall() + " never called the allocate callback");
        return calls.get(calls.size() - 1);
    }

    /** The context the last FltAllocateContext handed back, which the checks about it need. */
    private long returnedContext() {
        Allocation allocation = state.answer().of(Routine.ALLOCATE, Allocation.class, judge);
        judge.that(allocation != null && allocation.returnedContext() != 0, () -> allocations.lastCall() + " handed back no context");
        return allocation.returnedContext();
    }

    /** The callback calls since the allocation that handed back this context (an earlier one at its address had those before). */
    private List<CallbackEvent> since(long context) {
        List<CallbackEvent> events = state.callbacks();
        return events.subList(Math.min(state.contexts().requestOf(context, judge).eventsFrom(), events.size()), events.size());
    }

    private List<CallbackEvent> cleanups(long context) {
        return since(context).stream().filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).toList();
    }

    private List<CallbackEvent> calls(CallbackEvent.Kind kind) {
        return state.callbacks().stream().filter(e -> e.kind() == kind).toList();
    }
}
