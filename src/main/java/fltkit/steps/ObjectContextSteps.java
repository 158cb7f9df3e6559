package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.ContextObjects;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.RelatedContexts;
import fltkit.spi.SectionContexts;
import fltkit.spi.SetOperation;
import fltkit.steps.LastAnswer.Routine;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The typed set, get and delete routines of each context type (for sections FltCreateSectionForDataScan
 * and FltCloseSectionForDataScan), and FltGetContexts / FltReleaseContexts, judged through what they
 * answer and hand back. A context a routine hands back in an output the minifilter passed is held by the
 * minifilter until released; an output it did not pass (OldContext NULL) holds nothing the kit takes over, so a
 * reference an implementation takes for it shows in the reference counts.
 */
public class ObjectContextSteps {
    private final ScenarioState state;
    private final Judge judge;
    private final AllocationSteps allocations;

    public ObjectContextSteps(ScenarioState state, Judge judge, AllocationSteps allocations) {
        this.allocations = allocations;
        this.state = state;
        this.judge = judge;
    }

    private ContextObjects objects() {
        return state.role(ContextObjects.class);
    }

    private ContextTarget target(ContextType type, boolean other) {
        return state.objects().target(type, other, judge);
    }

    @Given("{string} is set as the minifilter's {contextType}")
    public void isSet(String name, ContextType type) {
        isSet(name, type, false);
    }

    @Given("{string} is set as the {contextType} of the other objects")
    public void isSetOnOther(String name, ContextType type) {
        isSet(name, type, true);
    }

    private void isSet(String name, ContextType type, boolean other) {
        set(name, type, other, SetOperation.REPLACE_IF_EXISTS, false);
        ContextResult answer = state.answer().of(Routine.SET, ContextResult.class, judge);
        judge.precondition(answer.status().equals(NtStatus.STATUS_SUCCESS), () -> state.answer().call(Routine.SET, judge)
                + " returned " + answer.status() + ", expected STATUS_SUCCESS (0x00000000)");
    }

    @When("the minifilter sets {string} as its {contextType} with {word}")
    public void sets(String name, ContextType type, String operation) {
        set(name, type, false, SetOperation.parse(operation), false);
    }

    @When("the minifilter sets {string} as its {contextType} with {word}, asking for the old context")
    public void setsAskingOld(String name, ContextType type, String operation) {
        set(name, type, false, SetOperation.parse(operation), true);
    }

    @When("the minifilter sets {string} as the {contextType} of its other objects with {word}")
    public void setsOnOther(String name, ContextType type, String operation) {
        set(name, type, true, SetOperation.parse(operation), false);
    }

    private void set(String name, ContextType type, boolean other, int operation, boolean wantOld) {
        long context = state.contexts().named(name, judge);
        ContextTarget target = target(type, other);
        String call = type.setRoutine() + "(" + name + (other ? ", the other objects" : "") + ", Operation=" + operation
                + (wantOld ? ", &OldContext" : ", OldContext=NULL") + ")";
        answered(Routine.SET, call, objects().setContext(type, target, operation, context, wantOld), wantOld);
    }

    @When("the minifilter gets its {contextType}")
    public void gets(ContextType type) {
        answered(Routine.GET, type.getRoutine(), objects().getContext(type, target(type, false)), true);
    }

    @When("the minifilter deletes its {contextType}")
    public void deletes(ContextType type) {
        answered(Routine.DELETE, type.deleteRoutine() + "(OldContext=NULL)", objects().deleteTypedContext(type, target(type, false), false),
                false);
    }

    @When("the minifilter deletes its {contextType}, asking for the old context")
    public void deletesAskingOld(ContextType type) {
        answered(Routine.DELETE, type.deleteRoutine() + "(&OldContext)", objects().deleteTypedContext(type, target(type, false), true), true);
    }

    @When("the minifilter creates a section for data scan with {string}")
    public void createSection(String name) {
        long context = state.contexts().named(name, judge);
        answered(Routine.CREATE_SECTION, "FltCreateSectionForDataScan(" + name + ")", objects().setContext(ContextType.SECTION,
                target(ContextType.SECTION, false), SetOperation.KEEP_IF_EXISTS, context, false), false);
    }

    @When("the minifilter closes the section of {string}")
    public void closeSection(String name) {
        long context = state.contexts().named(name, judge);
        NtStatus status = state.role(SectionContexts.class).closeSectionForDataScan(context);
        answered(Routine.CLOSE_SECTION, "FltCloseSectionForDataScan(" + name + ")", new ContextResult(status, 0), false);
    }

    /**
     * Keeps the answer and takes over the reference it hands back, if the minifilter passed the output the
     * context came back in ({@code asked}): what comes back for OldContext NULL is no reference of the minifilter's.
     */
    private void answered(Routine routine, String call, ContextResult result, boolean asked) {
        state.answer().answered(routine, call, result);
        if (asked) {
            state.contexts().hold(result.context());
        }
    }

    /** FltAllocateContext for the other filter (another filter with the same definitions), which must succeed. */
    @When("the other filter allocates a {contextType} of {long} bytes from {pool} as {string}")
    public void otherFilterAllocates(ContextType type, long size, Integer pool, String name) {
        long filter = state.objects().otherFilter;
        if (filter == 0) {
            throw judge.kitError("allocates for the other filter before another filter registered");
        }
        boolean watching = allocations.watchesCallbacks();
        int eventsFrom = watching ? state.callbacks().size() : 0;
        Allocation allocation = state.fm().allocateContext(filter, type.value(), size, pool);
        judge.precondition(allocation.status().equals(NtStatus.STATUS_SUCCESS) && allocation.returnedContext() != 0,
                () -> "the other filter's FltAllocateContext(" + type.symbol() + ", ContextSize=" + size + ", " + PoolType.name(pool)
                        + ") returned " + allocation.status() + ", expected STATUS_SUCCESS (0x00000000)");
        allocations.hold(allocation, type.value(), size, eventsFrom, watching);
        state.contexts().name(name, allocation.returnedContext());
    }

    @When("the minifilter releases the context handed back")
    public void releaseHandedBack() {
        Routine routine = state.answer().lastTypedRoutine(judge);
        ContextResult result = result(routine);
        judge.that(result.context() != 0, () -> state.answer().call(routine, judge) + " returned " + result.status()
                + " and handed back NULL_CONTEXT; a context was expected");
        state.fm().releaseContext(result.context());
        state.contexts().letGo(result.context());
    }

    @Then("the set routine returns {status}")
    public void setReturns(NtStatus expected) {
        returns(Routine.SET, expected);
    }

    @Then("the get routine returns {status}")
    public void getReturns(NtStatus expected) {
        returns(Routine.GET, expected);
    }

    @Then("the delete routine returns {status}")
    public void deleteReturns(NtStatus expected) {
        returns(Routine.DELETE, expected);
    }

    @Then("FltCreateSectionForDataScan returns {status}")
    public void createSectionReturns(NtStatus expected) {
        returns(Routine.CREATE_SECTION, expected);
    }

    @Then("FltCloseSectionForDataScan returns {status}")
    public void closeSectionReturns(NtStatus expected) {
        returns(Routine.CLOSE_SECTION, expected);
    }

    private void returns(Routine routine, NtStatus expected) {
        judge.status(state.answer().call(routine, judge), result(routine).status(), expected);
    }

    @Then("the routine hands back {string}")
    public void handsBack(String name) {
        long expected = state.contexts().named(name, judge);
        handsBack(expected);
    }

    @Then("the routine hands back NULL_CONTEXT")
    public void handsBackNull() {
        handsBack(0);
    }

    private void handsBack(long expected) {
        Routine routine = state.answer().lastTypedRoutine(judge);
        ContextResult result = result(routine);
        judge.equal(result.context(), expected, () -> state.answer().call(routine, judge) + " returned " + result.status()
                + " and handed back " + state.contexts().nameOf(result.context()) + ", expected " + state.contexts().nameOf(expected));
    }

    @Then("the kit records what the routine handed back")
    public void recordHandedBack() {
        Routine routine = state.answer().lastTypedRoutine(judge);
        state.record(state.answer().call(routine, judge) + " handed back", state.contexts().nameOf(result(routine).context()));
    }

    @Then("the kit records what the set routine returned")
    public void recordSet() {
        recordReturned(Routine.SET);
    }

    @Then("the kit records what the delete routine returned")
    public void recordDelete() {
        recordReturned(Routine.DELETE);
    }

    private void recordReturned(Routine routine) {
        ContextResult result = result(routine);
        state.record(state.answer().call(routine, judge) + " returned", result.status() + ", handing back "
                + state.contexts().nameOf(result.context()));
    }

    @Then("the minifilter's {contextType} is {string}")
    public void currentIs(ContextType type, String name) {
        currentIs(type, name, false);
    }

    @Then("the {contextType} of the other objects is {string}")
    public void otherIs(ContextType type, String name) {
        currentIs(type, name, true);
    }

    private void currentIs(ContextType type, String name, boolean other) {
        long expected = state.contexts().named(name, judge);
        ContextResult got = objects().getContext(type, target(type, other));
        state.contexts().hold(got.context());
        String call = type.getRoutine() + (other ? " for the other objects" : "");
        judge.status(call, got.status(), NtStatus.STATUS_SUCCESS);
        judge.equal(got.context(), expected, () -> call + " handed back " + state.contexts().nameOf(got.context())
                + ", expected " + state.contexts().nameOf(expected));
        state.fm().releaseContext(got.context());
        state.contexts().letGo(got.context());
    }

    @Then("the minifilter has no {contextType}")
    public void noneSet(ContextType type) {
        ContextResult got = objects().getContext(type, target(type, false));
        state.contexts().hold(got.context());
        judge.status(type.getRoutine() + " after the context should be gone", got.status(), NtStatus.STATUS_NOT_FOUND);
        judge.equal(got.context(), 0L, () -> type.getRoutine() + " returned " + got.status() + " and handed back "
                + state.contexts().nameOf(got.context()) + ", expected NULL_CONTEXT");
    }

    private ContextResult result(Routine routine) {
        return state.answer().of(routine, ContextResult.class, judge);
    }

    // ---- FltGetContexts / FltReleaseContexts ----

    @When("the minifilter calls FltGetContexts for {string}")
    public void getContexts(String types) {
        int desired = 0;
        for (String symbol : types.split("\\|")) {
            String wanted = symbol.trim();
            desired |= wanted.startsWith("0x") ? Integer.decode(wanted) : ContextType.parse(wanted).value();
        }
        MinifilterObjects mine = state.objects();
        long transaction = (desired & ContextType.TRANSACTION.value()) != 0 ? mine.transaction(false) : 0;
        ContextTarget target = new ContextTarget(mine.instance, mine.volume, mine.currentFileObject(), transaction);
        RelatedContexts related = objects().getContexts(target, desired);
        state.answer().answered(Routine.GET_CONTEXTS, String.format("FltGetContexts(DesiredContexts=0x%04X)", desired), related);
        related.contexts().values().forEach(state.contexts()::hold);
    }

    @When("the minifilter calls FltReleaseContexts")
    public void releaseContexts() {
        RelatedContexts related = related();
        objects().releaseContexts(related);
        related.contexts().values().forEach(state.contexts()::letGo);
    }

    @Then("FltGetContexts returns {status}")
    public void getContextsReturns(NtStatus expected) {
        judge.status(state.answer().call(Routine.GET_CONTEXTS, judge), related().status(), expected);
    }

    @Then("FltGetContexts hands back {string} as the {contextType}")
    public void relatedIs(String name, ContextType type) {
        relatedField(type, state.contexts().named(name, judge));
    }

    @Then("FltGetContexts hands back NULL_CONTEXT as the {contextType}")
    public void relatedNull(ContextType type) {
        relatedField(type, 0);
    }

    private void relatedField(ContextType type, long expected) {
        long actual = related().get(type);
        judge.equal(actual, expected, () -> "FltGetContexts handed back " + state.contexts().nameOf(actual) + " in the "
                + type.symbol() + " field, expected " + state.contexts().nameOf(expected));
    }

    private RelatedContexts related() {
        return state.answer().of(Routine.GET_CONTEXTS, RelatedContexts.class, judge);
    }
}
