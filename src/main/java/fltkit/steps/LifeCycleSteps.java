package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextState;
import fltkit.spi.Irql;
import fltkit.spi.IrqlControl;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/** FltReferenceContext, FltReleaseContext and FltDeleteContext, judged through what the implementation knows of a context. */
public class LifeCycleSteps {
    private final ScenarioState state;
    private final Judge judge;

    public LifeCycleSteps(ScenarioState state, Judge judge) {
        this.state = state;
        this.judge = judge;
    }

    @When("the minifilter references {string}")
    public void reference(String name) {
        long context = state.contexts().named(name, judge);
        state.fm().referenceContext(context);
        state.contexts().hold(context);
    }

    @When("the minifilter releases {string}")
    public void release(String name) {
        long context = state.contexts().named(name, judge);
        state.fm().releaseContext(context);
        state.contexts().letGo(context);
    }

    @When("the minifilter releases {string} at DISPATCH_LEVEL")
    public void releaseAtDispatch(String name) {
        IrqlControl irql = state.role(IrqlControl.class);
        irql.setCallerIrql(Irql.DISPATCH_LEVEL);
        try {
            release(name);
        } finally {
            irql.setCallerIrql(Irql.PASSIVE_LEVEL);
        }
    }

    @When("the deferred work runs")
    public void deferredWork() {
        state.role(IrqlControl.class).runDeferredWork();
    }

    @When("the minifilter calls FltDeleteContext on {string}")
    public void deleteContext(String name) {
        state.fm().deleteContext(state.contexts().named(name, judge));
    }

    // ---- CALLER-CONTRACT scenarios: the call may stop the machine; the kit only has to survive it ----

    @When("the minifilter releases {string} once more than it holds")
    public void overRelease(String name) {
        long context = state.contexts().named(name, judge);
        survive("FltReleaseContext(" + name + ") without a reference", () -> state.fm().releaseContext(context));
    }

    @When("the minifilter references {string} after it was freed")
    public void referenceAfterFree(String name) {
        long context = state.contexts().named(name, judge);
        survive("FltReferenceContext(" + name + ") after the context was freed", () -> state.fm().referenceContext(context));
    }

    @When("the minifilter calls FltDeleteContext on {string}, breaking its contract")
    public void deleteWithoutReference(String name) {
        long context = state.contexts().named(name, judge);
        survive("FltDeleteContext(" + name + ") against its contract", () -> state.fm().deleteContext(context));
    }

    private void survive(String what, Runnable call) {
        try {
            state.breakingContract(call);
            state.record(what, "returned normally");
        } catch (BugCheck bugCheck) {
            state.record(what, String.format("bug check 0x%X, parameter 1 = 0x%X", bugCheck.code(), bugCheck.parameter1()));
        }
    }

    // ---- What the implementation knows about a context ----

    @Then("{string} has a reference count of {int}")
    public void referenceCount(String name, int expected) {
        ContextState context = inspect(name);
        judge.that(context.alive(), () -> state.contexts().nameOf(named(name)) + " was freed, expected it alive with a "
                + "reference count of " + expected);
        judge.equal(context.referenceCount(), expected, () -> state.contexts().nameOf(named(name)) + " has a reference count of "
                + context.referenceCount() + ", expected " + expected);
    }

    @Then("{string} is still alive")
    public void alive(String name) {
        judge.that(inspect(name).alive(), () -> state.contexts().nameOf(named(name))
                + " was freed while the minifilter still held a reference");
    }

    @Then("{string} is freed")
    public void freed(String name) {
        ContextState context = inspect(name);
        judge.that(!context.alive(), () -> state.contexts().nameOf(named(name)) + " is still alive with a reference count of "
                + context.referenceCount() + ", expected it freed");
    }

    private long named(String name) {
        return state.contexts().named(name, judge);
    }

    private ContextState inspect(String name) {
        return state.role(ContextInspection.class).inspectContext(named(name));
    }
}
