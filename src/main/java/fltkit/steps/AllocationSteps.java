package fltkit.steps;

import fltkit.steps.LastAnswer.Routine;
import fltkit.spi.AllocateCallbacks;
import fltkit.spi.Allocation;
import fltkit.spi.BugCheck;
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

    /** Calls FltAllocateContext; a success is held by the kit's minifilter until released. */
    Allocation allocate(int type, long size, int pool) {
        long filter = state.registering().filter(judge);
        poolBefore = state.declares(Capability.POOL_ACCOUNTING) ? state.role(PoolAccounting.class).pool() : null;
        String call = "FltAllocateContext(" + ContextType.fromValue(type).map(ContextType::symbol)
                .orElse(String.format("0x%04X", type)) + ", ContextSize=" + Long.toUnsignedString(size) + ", "
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
            state.contexts().hold(allocation.returnedContext());
            state.contexts().requested(allocation.returnedContext(), type, size);
        }
        return allocation;
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

    @Then("FltAllocateContext returns {status} or {status}")
    public void returnsEither(NtStatus first, NtStatus second) {
        judge.statusIn(lastCall(), allocation().status(), first, second);
    }

    /**
     * Columns: request (ContextSize), status, and optionally portion (bytes of the minifilter portion, or
     * '-'). Each row allocates, checks, and releases what it got.
     */
    @Then("allocations of {contextType} from {pool} go as follows:")
    public void allocationsGo(ContextType type, Integer pool, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            Allocation allocation = allocate(type.value(), Long.parseLong(row.get("request").trim()), pool);
            judge.status(lastCall(), allocation.status(), NtStatus.named(row.get("status").trim()));
            String portion = row.get("portion");
            if (portion != null && !portion.trim().equals("-")) {
                portionIs(allocation.returnedContext(), Long.parseLong(portion.trim()));
            }
            if (allocation.status().isSuccess()) {
                state.fm().releaseContext(allocation.returnedContext());
                state.contexts().letGo(allocation.returnedContext());
            }
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
