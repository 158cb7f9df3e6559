package fltkit.steps;

import fltkit.steps.LastAnswer.Routine;
import fltkit.spi.AllocateCallbacks;
import fltkit.spi.Allocation;
import fltkit.spi.BugCheck;
import fltkit.spi.CallbackEvent;
import fltkit.spi.CallbackEvents;
import fltkit.spi.Capability;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.FilterTeardown;
import fltkit.spi.NtStatus;
import fltkit.spi.PerStreamSupport;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolFaults;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.List;
import java.util.Map;

/** FltAllocateContext, what it hands back, and the conditions its documented failure statuses name. */
public class AllocationSteps {
    private final ScenarioState state;
    private final Judge judge;
    /** The pool before the last allocation, where pool accounting is declared (a failure must keep no memory). */
    private PoolSnapshot poolBefore;
    /** A CALLER-CONTRACT scenario's allocation that stopped the machine instead of answering. */
    private BugCheck stopped;

    public AllocationSteps(ScenarioState state, Judge judge) {
        this.state = state;
        this.judge = judge;
    }

    @When("the minifilter allocates a {contextType} of {long} bytes from {pool}")
    public void allocates(ContextType type, long size, Integer pool) {
        allocate(type.value(), size, pool);
    }

    @When("the minifilter allocates a {contextType} of {long} bytes from {pool} as {string}")
    public void allocatesNamed(ContextType type, long size, Integer pool, String name) {
        Allocation allocation = allocate(type.value(), size, pool);
        judge.precondition(allocation.status().equals(NtStatus.STATUS_SUCCESS), () -> lastCall() + " returned "
                + allocation.status() + ", expected STATUS_SUCCESS (0x00000000)");
        state.contexts().name(name, allocation.returnedContext());
    }

    @When("the minifilter allocates a context of type {typeValue} of {long} bytes from {pool}")
    public void allocatesRawType(Integer type, long size, Integer pool) {
        allocate(type, size, pool);
    }

    /**
     * Calls FltAllocateContext; a success is held by the kit's minifilter until released. Where callback events
     * are declared and the scenario is tagged for them, the calls the allocation made into the minifilter are taken at once, so the context is tied to
     * the block its own allocate callback call returned (never guessed from addresses later).
     */
    Allocation allocate(int type, long size, int pool) {
        long filter = state.registering().filter(judge);
        poolBefore = state.declares(Capability.POOL_ACCOUNTING) ? state.role(PoolAccounting.class).pool() : null;
        boolean watching = watchesCallbacks();
        int eventsFrom = watching ? state.callbacks().size() : 0;
        String call = "FltAllocateContext(" + ContextType.fromValue(type).map(ContextType::symbol)
                .orElseGet(() -> String.format("0x%04X", type)) + ", ContextSize=" + Long.toUnsignedString(size) + ", "
                + PoolType.name(pool) + ")";
        Allocation allocation;
        try {
            allocation = state.callerContract()
                    ? state.breakingContract(() -> state.fm().allocateContext(filter, type, size, pool))
                    : state.fm().allocateContext(filter, type, size, pool);
        } catch (BugCheck bugCheck) {
            // In a CALLER-CONTRACT scenario the allocation is the breach: the answer is recorded.
            stopped = bugCheck;
            state.answer().answered(Routine.ALLOCATE, call, null);
            return null;
        }
        state.answer().answered(Routine.ALLOCATE, call, allocation);
        if (allocation.status().isSuccess()) {
            hold(allocation, type, size, eventsFrom, watching);
        }
        return allocation;
    }

    /**
     * Whether this scenario ties contexts to the callback calls of their allocations. Only scenarios that read
     * callback calls take them: draining is a call of its own, and a scenario's call count orders the report's
     * root causes.
     */
    boolean watchesCallbacks() {
        return state.declares(Capability.CALLBACK_EVENTS) && state.tagged(fltkit.rules.Tags.NEEDS + Capability.CALLBACK_EVENTS.tag());
    }

    /** Holds a context an allocation handed back, tied to the callback calls since {@code eventsFrom} when watching. */
    void hold(Allocation allocation, int type, long size, int eventsFrom, boolean watching) {
        state.contexts().hold(allocation.returnedContext());
        state.contexts().requested(allocation.returnedContext(), type, size, eventsFrom,
                watching ? blockReturnedSince(eventsFrom) : null);
    }

    /** The last allocate callback call since {@code from} that returned a block, or null. */
    private CallbackEvent blockReturnedSince(int from) {
        List<CallbackEvent> events = state.callbacks();
        CallbackEvent block = null;
        for (CallbackEvent event : events.subList(from, events.size())) {
            if (event.kind() == CallbackEvent.Kind.ALLOCATE && event.address() != 0) {
                block = event;
            }
        }
        return block;
    }

    /** The last FltAllocateContext call, as messages name it. */
    String lastCall() {
        return state.answer().call(Routine.ALLOCATE, judge);
    }

    private Allocation allocation() {
        return judge.known(state.answer().of(Routine.ALLOCATE, Allocation.class, judge),
                "checks the answer of an allocation that stopped the machine");
    }

    @Then("FltAllocateContext returns {status}")
    public void returns(NtStatus expected) {
        judge.status(lastCall(), allocation().status(), expected);
    }

    /**
     * Two statuses only where a rule's Kit reading allows both (ALLOC-006: the page names
     * STATUS_INVALID_PARAMETER, one observed build answers STATUS_NOT_SUPPORTED; ALLOC-012: a stream allocation
     * without per-stream support may succeed or fail with STATUS_NOT_SUPPORTED).
     */
    @Then("FltAllocateContext returns {status} or {status}")
    public void returnsEither(NtStatus first, NtStatus second) {
        judge.statusIn(lastCall(), allocation().status(), first, second);
    }

    /**
     * Columns: request (ContextSize), status, and optionally what shows which definition served it: portion (bytes
     * of the minifilter portion), origin ("pool": straight from pool, as a variable-size definition serves) and
     * cleanup ("once" or "none": whether releasing it ran the cleanup callback, so that a definition registered
     * with a cleanup routine is told apart from one without); '-' leaves a column unchecked. Each row allocates,
     * checks and releases what it got; a row that fails must hand nothing back.
     */
    @Then("allocations of {contextType} from {pool} go as follows:")
    public void allocationsGo(ContextType type, Integer pool, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            Allocation allocation = allocate(type.value(), Long.parseLong(row.get("request").trim()), pool);
            judge.status(lastCall(), allocation.status(), NtStatus.named(row.get("status").trim()));
            if (!allocation.status().isSuccess()) {
                nothingHandedBack();
                continue;
            }
            long context = allocation.returnedContext();
            String portion = column(row, "portion");
            if (portion != null) {
                portionIs(context, Long.parseLong(portion));
            }
            String origin = column(row, "origin");
            if (origin != null) {
                if (!origin.equals("pool")) {
                    throw judge.kitError("names origin '" + origin + "'; the table knows only 'pool' (or '-')");
                }
                ContextState served = state.role(ContextInspection.class).inspectContext(context);
                judge.equal(served.origin(), ContextOrigin.POOL, () -> "the context " + lastCall() + " handed back came from "
                        + served.origin() + ", expected straight from pool (POOL), as its variable-size definition serves");
            }
            String cleanup = column(row, "cleanup");
            int eventsFrom = 0;
            if (cleanup != null) {
                state.role(CallbackEvents.class); // the scenario must be tagged for the callbacks it reads
                eventsFrom = state.callbacks().size();
            }
            state.fm().releaseContext(context);
            state.contexts().letGo(context);
            if (cleanup != null) {
                cleanupAfterRelease(context, type, cleanup, eventsFrom);
            }
        }
    }

    private static String column(Map<String, String> row, String name) {
        String value = row.get(name);
        return value == null || value.trim().equals("-") ? null : value.trim();
    }

    private void cleanupAfterRelease(long context, ContextType type, String expected, int eventsFrom) {
        List<CallbackEvent> events = state.callbacks();
        List<CallbackEvent> cleanups = events.subList(eventsFrom, events.size()).stream()
                .filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).toList();
        String call = lastCall();
        switch (expected) {
            case "once":
                judge.equal(cleanups.size(), 1, () -> "releasing the context " + call + " handed back ran the cleanup callback "
                        + cleanups.size() + " time(s), expected once: the definition with the cleanup routine should have served it");
                judge.equal(cleanups.get(0).contextType(), type.value(), () -> String.format("the cleanup callback for the "
                        + "context %s handed back got ContextType 0x%04X, expected %s", call, cleanups.get(0).contextType(),
                        type.symbol()));
                break;
            case "none":
                judge.equal(cleanups.size(), 0, () -> "releasing the context " + call + " handed back ran the cleanup callback "
                        + cleanups.size() + " time(s), expected none: a definition with a cleanup routine served it instead of "
                        + "the one without");
                break;
            default:
                throw judge.kitError("expects cleanup '" + expected + "'; write once, none or -");
        }
    }

    /**
     * Allocates (keeping every context it gets) until an allocation does not succeed or {@code times} allocations
     * were made; the last answer is then checked like any other ("FltAllocateContext returns ...").
     */
    @When("the minifilter allocates a {contextType} of {long} bytes from {pool} until an allocation fails, at most {int} times")
    public void allocateUntilFailure(ContextType type, long size, Integer pool, int times) {
        for (int i = 1; i <= times; i++) {
            Allocation allocation = allocate(type.value(), size, pool);
            if (!allocation.status().isSuccess()) {
                state.record("allocations before the failure", Integer.toString(i - 1));
                return;
            }
        }
    }

    /**
     * Many contexts alive at once, then let go neither in the order they came nor in its reverse: every other one
     * first, then the rest from the last back. Each allocation must succeed (the scenario needs it).
     */
    @When("the minifilter allocates {int} contexts, each a {contextType} of {long} bytes from {pool}, and then releases them out of order")
    public void crowdThenRelease(int count, ContextType type, long size, Integer pool) {
        List<Long> crowd = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Allocation allocation = allocate(type.value(), size, pool);
            int which = i;
            judge.precondition(allocation.status().equals(NtStatus.STATUS_SUCCESS), () -> lastCall() + " (allocation " + which
                    + " of " + count + ") returned " + allocation.status() + ", expected STATUS_SUCCESS (0x00000000)");
            crowd.add(allocation.returnedContext());
        }
        List<Long> order = new java.util.ArrayList<>();
        for (int i = 0; i < crowd.size(); i += 2) {
            order.add(crowd.get(i));
        }
        for (int i = crowd.size() - 1 - (crowd.size() % 2 == 0 ? 0 : 1); i >= 1; i -= 2) {
            order.add(crowd.get(i));
        }
        for (long context : order) {
            state.fm().releaseContext(context);
            state.contexts().letGo(context);
        }
    }

    @Then("the returned context has a reference count of {int}")
    public void referenceCount(int expected) {
        ContextState context = returnedState();
        judge.equal(context.referenceCount(), expected, () -> "the context " + lastCall() + " handed back has a reference count of "
                + context.referenceCount() + ", expected " + expected);
    }

    @Then("the returned context is a {contextType}")
    public void isOfType(ContextType expected) {
        ContextState context = returnedState();
        judge.equal(context.contextType(), expected.value(), () -> String.format("the context %s handed back is of type 0x%04X, "
                + "expected %s (0x%04X)", lastCall(), context.contextType(), expected.symbol(), expected.value()));
    }

    @Then("the returned context has a minifilter portion of {long} bytes")
    public void portion(long expected) {
        returnedState();
        portionIs(allocation().returnedContext(), expected);
    }

    private void portionIs(long context, long expected) {
        long actual = state.role(ContextInspection.class).inspectContext(context).size();
        judge.equal(actual, expected, () -> "the context " + lastCall() + " handed back has a minifilter portion of " + actual
                + " bytes, expected " + expected);
    }

    @Then("the returned context comes from {pool}")
    public void comesFromPool(Integer expected) {
        ContextState context = returnedState();
        judge.equal(context.poolType(), expected, () -> "the context " + lastCall() + " handed back comes from "
                + PoolType.name(context.poolType()) + ", expected " + PoolType.name(expected));
    }

    /**
     * Where a context of the named pool may come from: a lookaside list of that kind of pool, or straight from pool
     * (which one is the implementation's choice, REG-011); never a list of the other kind.
     */
    @Then("the returned context came from a {pool} lookaside list or straight from pool")
    public void cameFromListOfPool(Integer pool) {
        ContextState context = returnedState();
        ContextOrigin list = PoolType.isPaged(pool) ? ContextOrigin.PAGED_LOOKASIDE : ContextOrigin.NONPAGED_LOOKASIDE;
        judge.that(context.origin() == list || context.origin() == ContextOrigin.POOL, () -> "the context " + lastCall()
                + " handed back came from " + context.origin() + ", expected " + list + " or straight from pool (POOL)");
    }

    @Then("the returned context came straight from pool")
    public void cameFromPool() {
        ContextState context = returnedState();
        judge.equal(context.origin(), ContextOrigin.POOL, () -> "the context " + lastCall() + " handed back came from "
                + context.origin() + ", expected straight from pool (POOL)");
    }

    @Then("the kit records what FltAllocateContext returned")
    public void recordStatus() {
        if (stopped != null) {
            state.record(lastCall(), stopped.getMessage());
            return;
        }
        Allocation allocation = allocation();
        state.record(lastCall(), allocation.status() + (allocation.returnedContext() == 0 ? ", no context"
                : String.format(", context 0x%X", allocation.returnedContext())));
    }

    @Then("the kit records where the returned context came from")
    public void recordOrigin() {
        Allocation allocation = state.answer().of(Routine.ALLOCATE, Allocation.class, judge);
        if (allocation == null || allocation.returnedContext() == 0) {
            state.record("origin", "no context was handed back");
        } else if (!state.declares(Capability.CONTEXT_INSPECTION)) {
            state.record("origin", "not observable: the implementation does not declare context-inspection");
        } else {
            ContextState context = state.role(ContextInspection.class).inspectContext(allocation.returnedContext());
            state.record("origin", context.origin() + " (" + PoolType.name(context.poolType()) + ", portion "
                    + context.size() + " bytes)");
        }
    }

    /** For a status either reading allows: a failure among them must still hand nothing back. */
    @Then("if it failed, no context is handed back")
    public void nothingHandedBackOnFailure() {
        if (!allocation().status().isSuccess()) {
            nothingHandedBack();
        }
    }

    @Then("no context is handed back")
    public void nothingHandedBack() {
        Allocation allocation = allocation();
        judge.equal(allocation.returnedContext(), 0L, () -> String.format("%s returned %s yet handed back context 0x%X; a failed "
                + "allocation must leave ReturnedContext NULL", lastCall(), allocation.status(), allocation.returnedContext()));
        if (poolBefore != null) {
            PoolSnapshot after = state.role(PoolAccounting.class).pool();
            judge.equal(after.outstandingBlocks(), poolBefore.outstandingBlocks(), () -> String.format("%s failed with %s but left "
                    + "%d more pool block(s) outstanding (%d before, %d after)", lastCall(), allocation.status(),
                    after.outstandingBlocks() - poolBefore.outstandingBlocks(), poolBefore.outstandingBlocks(),
                    after.outstandingBlocks()));
        }
    }

    private ContextState returnedState() {
        Allocation allocation = allocation();
        judge.that(allocation.returnedContext() != 0, () -> lastCall() + " returned " + allocation.status()
                + " but handed back a NULL context");
        return state.role(ContextInspection.class).inspectContext(allocation.returnedContext());
    }

    // ---- The conditions the documented failure statuses name ----

    @Given("the filter manager has begun tearing the filter down")
    public void teardownBegun() {
        state.role(FilterTeardown.class).beginFilterTeardown(state.registering().filter(judge));
    }

    @Given("the pool fails the next {int} allocation(s)")
    public void poolFails(int count) {
        state.role(PoolFaults.class).failPoolAllocationsAfter(0, count);
    }

    @Given("the pool fails every allocation")
    public void poolExhausted() {
        state.role(PoolFaults.class).failPoolAllocationsAfter(0, Integer.MAX_VALUE);
    }

    @Given("the pool fails every allocation after the next {int}")
    public void poolExhaustedAfter(int successes) {
        state.role(PoolFaults.class).failPoolAllocationsAfter(successes, Integer.MAX_VALUE);
    }

    @Given("the pool recovers")
    public void poolRecovers() {
        state.role(PoolFaults.class).failPoolAllocationsAfter(0, 0);
    }

    @Given("the file system does not support per-stream contexts")
    public void noPerStreamContexts() {
        state.role(PerStreamSupport.class).setPerStreamContextSupport(false);
    }

    @Given("the minifilter's allocate callback returns NULL the next {int} time(s)")
    public void allocateCallbackFails(int count) {
        state.role(AllocateCallbacks.class).failAllocateCallback(count);
    }
}
