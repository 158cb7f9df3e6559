package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.IrqlControl;
import fltkit.spi.NtStatus;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The steps scenarios printed by exploration ({@code fltkit.explore}) need beyond the rest of the vocabulary:
 * a reference taken at DISPATCH_LEVEL (FltReferenceContext is allowed up to DISPATCH_LEVEL), many short-lived
 * contexts in one step, and two names that must be two contexts.
 */
public class ExplorationSteps {
    private final ScenarioState state;
    private final Judge judge;
    private final AllocationSteps allocations;

    public ExplorationSteps(ScenarioState state, Judge judge, AllocationSteps allocations) {
        this.state = state;
        this.judge = judge;
        this.allocations = allocations;
    }

    @When("the minifilter references {string} at DISPATCH_LEVEL")
    public void referenceAtDispatch(String name) {
        long context = state.contexts().named(name, judge);
        IrqlControl irql = state.role(IrqlControl.class);
        irql.setCallerIrql(Irql.DISPATCH_LEVEL);
        try {
            state.fm().referenceContext(context);
            state.contexts().hold(context);
        } finally {
            irql.setCallerIrql(Irql.PASSIVE_LEVEL);
        }
    }

    /** Each allocation must succeed (the scenario needs it) and is released at once. */
    @When("the minifilter allocates and releases a {contextType} of {long} bytes from {pool} {int} time(s)")
    public void allocateAndRelease(ContextType type, long size, Integer pool, int times) {
        for (int i = 1; i <= times; i++) {
            Allocation allocation = allocations.allocate(type.value(), size, pool);
            int which = i;
            judge.precondition(allocation.status().equals(NtStatus.STATUS_SUCCESS), () -> allocations.lastCall() + " (allocation "
                    + which + " of " + times + ") returned " + allocation.status() + ", expected STATUS_SUCCESS (0x00000000)");
            state.fm().releaseContext(allocation.returnedContext());
            state.contexts().letGo(allocation.returnedContext());
        }
    }

    @Then("{string} and {string} are different contexts")
    public void differentContexts(String first, String second) {
        long one = state.contexts().named(first, judge);
        long other = state.contexts().named(second, judge);
        judge.that(one != other, () -> state.contexts().nameOf(one) + " and \"" + second + "\" are the same memory: an allocation "
                + "handed back a context the minifilter still held");
    }
}
