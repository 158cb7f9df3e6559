package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.RelatedContexts;
import fltkit.spi.SetOperation;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;

/** Reference counting and the set, get and delete routines, judged through what they hand back. */
public class ContextSteps {
    private final World world;
    private final Scene scene;

    public ContextSteps(World world, Scene scene) {
        this.world = world;
        this.scene = scene;
    }

    // ---- FltReferenceContext / FltReleaseContext ----

    @When("the minifilter references {string}")
    public void reference(String name) {
        long context = world.context(name);
        world.fm().referenceContext(context);
        world.hold(context);
    }

    @When("the minifilter releases {string}")
    public void release(String name) {
        long context = world.context(name);
        world.fm().releaseContext(context);
        world.letGo(context);
    }

    @When("the minifilter releases {string} at DISPATCH_LEVEL")
    public void releaseAtDispatch(String name) {
        world.fm().setCallerIrql(fltkit.spi.Irql.DISPATCH_LEVEL);
        try {
            release(name);
        } finally {
            world.fm().setCallerIrql(fltkit.spi.Irql.PASSIVE_LEVEL);
        }
    }

    @When("the deferred work runs")
    public void deferredWork() {
        world.fm().runDeferredWork();
    }

    /** CALLER-CONTRACT scenarios: the call may stop the machine; the kit only has to survive it. */
    @When("the minifilter releases {string} once more than it holds")
    public void overRelease(String name) {
        survive("FltReleaseContext(" + name + ") without a reference", () -> world.fm().releaseContext(world.context(name)));
    }

    @When("the minifilter references {string} after it was freed")
    public void referenceAfterFree(String name) {
        survive("FltReferenceContext(" + name + ") after the context was freed", () -> world.fm().referenceContext(world.context(name)));
    }

    @When("the minifilter calls FltDeleteContext on {string}, breaking its contract")
    public void deleteWithoutReference(String name) {
        survive("FltDeleteContext(" + name + ") against its contract", () -> world.fm().deleteContext(world.context(name)));
    }

    private void survive(String what, Runnable call) {
        try {
            world.breakingContract(call);
            world.record(what, "returned normally");
        } catch (BugCheck bugCheck) {
            world.record(what, String.format("bug check 0x%X, parameter 1 = 0x%X", bugCheck.code(), bugCheck.parameter1()));
        }
    }

    // ---- Set, get, delete ----

    @Given("{string} is set as the minifilter's {contextType}")
    public void isSet(String name, ContextType type) {
        set(name, type, false, SetOperation.REPLACE_IF_EXISTS, false);
        world.expectStatus(scene.lastCall, scene.lastResult.status(), NtStatus.STATUS_SUCCESS);
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
        long context = world.context(name);
        ContextTarget target = scene.target(type, other);
        String call = type.setRoutine() + "(" + name + ", Operation=" + operation
                + (wantOld ? ", &OldContext" : ", OldContext=NULL") + ")";
        remember("set", call, world.fm().setContext(type, target, operation, context, wantOld));
    }

    @When("the minifilter gets its {contextType}")
    public void gets(ContextType type) {
        ContextTarget target = scene.target(type, false);
        remember("get", type.getRoutine(), world.fm().getContext(type, target));
    }

    @When("the minifilter deletes its {contextType}")
    public void deletes(ContextType type) {
        ContextTarget target = scene.target(type, false);
        String call = type.deleteRoutine() + "(OldContext=NULL)";
        remember("delete", call, world.fm().deleteContext(type, target, false));
    }

    @When("the minifilter deletes its {contextType}, asking for the old context")
    public void deletesAskingOld(ContextType type) {
        ContextTarget target = scene.target(type, false);
        String call = type.deleteRoutine() + "(&OldContext)";
        remember("delete", call, world.fm().deleteContext(type, target, true));
    }

    @When("the minifilter calls FltDeleteContext on {string}")
    public void deleteContext(String name) {
        long context = world.context(name);
        world.fm().deleteContext(context);
    }

    @When("the minifilter creates a section for data scan with {string}")
    public void createSection(String name) {
        remember("create-section", "FltCreateSectionForDataScan(" + name + ")",
                world.fm().setContext(ContextType.SECTION, scene.target(ContextType.SECTION, false),
                        SetOperation.KEEP_IF_EXISTS, world.context(name), false));
    }

    @When("the minifilter closes the section of {string}")
    public void closeSection(String name) {
        long context = world.context(name);
        NtStatus status = world.fm().closeSectionForDataScan(context);
        remember("close-section", "FltCloseSectionForDataScan(" + name + ")", new ContextResult(status, 0));
    }

    /** Keeps the answer and takes over any reference it hands back. */
    private void remember(String kind, String call, ContextResult result) {
        scene.lastKind = kind;
        scene.lastCall = call;
        scene.lastResult = result;
        world.hold(result.context());
    }

    @When("the minifilter releases the context handed back")
    public void releaseHandedBack() {
        long context = result().context();
        assertThat(context).withFailMessage("%s violated: %s returned %s and handed back NULL_CONTEXT; a context was expected",
                world.ruleId(), scene.lastCall, scene.lastResult.status()).isNotZero();
        world.fm().releaseContext(context);
        world.letGo(context);
    }

    @Then("the set routine returns {status}")
    public void setReturns(NtStatus expected) {
        returns("set", expected);
    }

    @Then("the get routine returns {status}")
    public void getReturns(NtStatus expected) {
        returns("get", expected);
    }

    @Then("the delete routine returns {status}")
    public void deleteReturns(NtStatus expected) {
        returns("delete", expected);
    }

    @Then("FltCreateSectionForDataScan returns {status}")
    public void createSectionReturns(NtStatus expected) {
        returns("create-section", expected);
    }

    @Then("FltCloseSectionForDataScan returns {status}")
    public void closeSectionReturns(NtStatus expected) {
        returns("close-section", expected);
    }

    private void returns(String kind, NtStatus expected) {
        assertThat(scene.lastKind).withFailMessage("%s: the scenario checks the %s routine's status before calling it",
                world.ruleId(), kind).isEqualTo(kind);
        world.expectStatus(scene.lastCall, scene.lastResult.status(), expected);
    }

    @Then("the routine hands back {string}")
    public void handsBack(String name) {
        long expected = world.context(name);
        assertThat(result().context())
                .withFailMessage("%s violated: %s returned %s and handed back %s, expected %s", world.ruleId(),
                        scene.lastCall, scene.lastResult.status(), scene.nameOf(result().context()), scene.nameOf(expected))
                .isEqualTo(expected);
    }

    @Then("the routine hands back NULL_CONTEXT")
    public void handsBackNull() {
        assertThat(result().context())
                .withFailMessage("%s violated: %s returned %s and handed back %s, expected NULL_CONTEXT", world.ruleId(),
                        scene.lastCall, scene.lastResult.status(), scene.nameOf(result().context()))
                .isZero();
    }

    @Then("the kit records what the routine handed back")
    public void recordHandedBack() {
        world.record(scene.lastCall + " handed back", scene.nameOf(result().context()));
    }

    @Then("the kit records what the delete routine returned")
    public void recordDelete() {
        world.record(scene.lastCall + " returned", result().status() + ", handing back " + scene.nameOf(result().context()));
    }

    @Then("the minifilter's {contextType} is {string}")
    public void currentIs(ContextType type, String name) {
        ContextTarget target = scene.target(type, false);
        ContextResult got = world.fm().getContext(type, target);
        world.hold(got.context());
        world.expectStatus(type.getRoutine(), got.status(), NtStatus.STATUS_SUCCESS);
        assertThat(got.context()).withFailMessage("%s violated: %s handed back %s, expected %s", world.ruleId(),
                type.getRoutine(), scene.nameOf(got.context()), scene.nameOf(world.context(name)))
                .isEqualTo(world.context(name));
        world.fm().releaseContext(got.context());
        world.letGo(got.context());
    }

    @Then("the minifilter has no {contextType}")
    public void noneSet(ContextType type) {
        ContextTarget target = scene.target(type, false);
        ContextResult got = world.fm().getContext(type, target);
        world.hold(got.context());
        world.expectStatus(type.getRoutine() + " after the context should be gone", got.status(), NtStatus.STATUS_NOT_FOUND);
    }

    // ---- FltGetContexts / FltReleaseContexts ----

    @When("the minifilter calls FltGetContexts for {string}")
    public void getContexts(String types) {
        int desired = 0;
        for (String symbol : types.split("\\|")) {
            desired |= ContextType.parse(symbol.trim()).value();
        }
        long transaction = (desired & ContextType.TRANSACTION.value()) != 0
                ? scene.target(ContextType.TRANSACTION, false).transaction() : 0;
        scene.related = world.fm().getContexts(new ContextTarget(scene.instance, scene.volume, scene.currentFileObject(), transaction), desired);
        scene.related.contexts().values().forEach(world::hold);
    }

    @When("the minifilter calls FltReleaseContexts")
    public void releaseContexts() {
        RelatedContexts related = scene.related;
        world.fm().releaseContexts(related);
        related.contexts().values().forEach(world::letGo);
    }

    @Then("FltGetContexts hands back {string} as the {contextType}")
    public void relatedIs(String name, ContextType type) {
        long actual = scene.related.get(type);
        assertThat(actual).withFailMessage("%s violated: FltGetContexts handed back %s in the %s field, expected %s",
                world.ruleId(), scene.nameOf(actual), type.symbol(), scene.nameOf(world.context(name)))
                .isEqualTo(world.context(name));
    }

    @Then("FltGetContexts hands back NULL_CONTEXT as the {contextType}")
    public void relatedNull(ContextType type) {
        long actual = scene.related.get(type);
        assertThat(actual).withFailMessage("%s violated: FltGetContexts handed back %s in the %s field, expected NULL_CONTEXT",
                world.ruleId(), scene.nameOf(actual), type.symbol()).isZero();
    }

    // ---- What the implementation knows about a context ----

    @Then("{string} has a reference count of {int}")
    public void referenceCount(String name, int expected) {
        ContextState state = world.fm().inspectContext(world.context(name));
        assertThat(state.alive()).withFailMessage("%s violated: %s was freed, expected it alive with a reference count of %d",
                world.ruleId(), scene.nameOf(world.context(name)), expected).isTrue();
        assertThat(state.referenceCount())
                .withFailMessage("%s violated: %s has a reference count of %d, expected %d", world.ruleId(),
                        scene.nameOf(world.context(name)), state.referenceCount(), expected)
                .isEqualTo(expected);
    }

    @Then("{string} is still alive")
    public void alive(String name) {
        ContextState state = world.fm().inspectContext(world.context(name));
        assertThat(state.alive()).withFailMessage("%s violated: %s was freed while the minifilter still held a reference",
                world.ruleId(), scene.nameOf(world.context(name))).isTrue();
    }

    @Then("{string} is freed")
    public void freed(String name) {
        ContextState state = world.fm().inspectContext(world.context(name));
        assertThat(state.alive()).withFailMessage("%s violated: %s is still alive with a reference count of %d, expected it freed",
                world.ruleId(), scene.nameOf(world.context(name)), state.referenceCount()).isFalse();
    }

    private ContextResult result() {
        assertThat(scene.lastResult).withFailMessage("%s: the scenario checks a routine's answer before calling one",
                world.ruleId()).isNotNull();
        return scene.lastResult;
    }
}
