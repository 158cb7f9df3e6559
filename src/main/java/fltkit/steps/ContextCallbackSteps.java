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

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

    @Then("the returned context lies inside the block the allocate callback returned")
    public void insideBlock() {
        CallbackEvent call = lastAllocate();
        long context = state.answer().of(Routine.ALLOCATE, Allocation.class, judge).returnedContext();
        long request = state.contexts().requestedSize(context, judge);
        judge.that(call.address() != 0 && context >= call.address() && context + request <= call.address() + call.size(),
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

    @Then("the allocate callback was asked for more than {long} bytes")
    public void askedForMoreThan(long bytes) {
        CallbackEvent call = lastAllocate();
        judge.that(call.size() > bytes, () -> "for " + allocations.lastCall() + " the allocate callback was asked for "
                + call.size() + " bytes, expected more than " + bytes + " (the filter manager's portion plus the minifilter's)");
    }

    @Then("the allocate callback was asked for a {contextType}")
    public void askedForType(ContextType type) {
        CallbackEvent call = lastAllocate();
        judge.equal(call.contextType(), type.value(), () -> String.format("for %s the allocate callback was asked for type "
                + "0x%04X, expected %s (0x%04X)", allocations.lastCall(), call.contextType(), type.symbol(), type.value()));
    }

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
     * The block the allocate callback returned for the context goes to the free callback exactly once, with
     * the context's type. The context's block is the nearest one the allocate callback returned at or below the
     * context's address (the filter manager's header comes first).
     */
    @Then("the free callback got the block the allocate callback returned for {string}")
    public void freeGotBlock(String name) {
        long context = state.contexts().named(name, judge);
        List<CallbackEvent> events = state.callbacks();
        CallbackEvent block = blockOf(context, events);
        List<CallbackEvent> frees = frees(block, events);
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
        List<CallbackEvent> frees = frees(blockOf(context, events), events);
        List<CallbackEvent> cleanups = cleanups(context);
        judge.that(!cleanups.isEmpty() && !frees.isEmpty() && events.indexOf(cleanups.get(0)) < events.indexOf(frees.get(0)),
                () -> "the cleanup callback for " + state.contexts().nameOf(context) + " did not run before its free callback; "
                        + "calls seen: " + events);
    }

    private CallbackEvent blockOf(long context, List<CallbackEvent> events) {
        Optional<CallbackEvent> allocated = events.stream().filter(e -> e.kind() == CallbackEvent.Kind.ALLOCATE
                && e.address() != 0 && e.address() <= context).max(Comparator.comparingLong(CallbackEvent::address));
        judge.that(allocated.isPresent(), () -> "no allocate callback call returned a block at or below "
                + state.contexts().nameOf(context) + "; calls seen: " + events);
        return allocated.get();
    }

    private static List<CallbackEvent> frees(CallbackEvent block, List<CallbackEvent> events) {
        return events.stream().filter(e -> e.kind() == CallbackEvent.Kind.FREE && e.address() == block.address()).toList();
    }

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

    @Then("the pool's outstanding blocks are back to what the kit noted")
    public void poolBack() {
        PoolSnapshot now = state.role(PoolAccounting.class).pool();
        PoolSnapshot noted = state.contexts().noted(judge);
        judge.equal(now.outstandingBlocks(), noted.outstandingBlocks(), () -> now.outstandingBlocks()
                + " pool block(s) outstanding, expected " + noted.outstandingBlocks() + " as before; the memory did not go back");
    }

    private CallbackEvent lastAllocate() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        judge.that(!calls.isEmpty(), () -> allocations.lastCall() + " never called the allocate callback");
        return calls.get(calls.size() - 1);
    }

    private List<CallbackEvent> cleanups(long context) {
        return state.callbacks().stream().filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).toList();
    }

    private List<CallbackEvent> calls(CallbackEvent.Kind kind) {
        return state.callbacks().stream().filter(e -> e.kind() == kind).toList();
    }
}
