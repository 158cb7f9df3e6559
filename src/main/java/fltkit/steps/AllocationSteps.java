package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.Capability;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;

/** FltAllocateContext and what it hands back. */
public class AllocationSteps {
    private final World world;
    private String lastCall = "FltAllocateContext";

    public AllocationSteps(World world) {
        this.world = world;
    }

    @When("the minifilter allocates a {contextType} of {long} bytes from {pool}")
    public void allocates(ContextType type, long size, Integer pool) {
        allocate(type.value(), type.symbol(), size, pool);
    }

    @When("the minifilter allocates a {contextType} of {long} bytes from {pool} as {string}")
    public void allocatesNamed(ContextType type, long size, Integer pool, String name) {
        allocate(type.value(), type.symbol(), size, pool);
        world.expectStatus(lastCall, world.allocation.status(), NtStatus.STATUS_SUCCESS);
        world.contexts.put(name, world.allocation.returnedContext());
    }

    @When("the minifilter allocates a context of type {int} of {long} bytes from {pool}")
    public void allocatesRawType(int type, long size, Integer pool) {
        allocate(type, String.format("0x%04X", type), size, pool);
    }

    private void allocate(int type, String typeText, long size, int pool) {
        long filter = world.filter();
        world.poolBeforeAllocation = world.declares(Capability.POOL_ACCOUNTING) ? world.fm().pool() : null;
        lastCall = "FltAllocateContext(" + typeText + ", ContextSize=" + Long.toUnsignedString(size) + ", "
                + PoolType.name(pool) + ")";
        world.allocation = world.fm().allocateContext(filter, type, size, pool);
        if (world.allocation.status().isSuccess()) {
            world.hold(world.allocation.returnedContext());
        }
    }

    @Then("FltAllocateContext returns {status}")
    public void returns(NtStatus expected) {
        world.expectStatus(lastCall, allocation().status(), expected);
    }

    @Then("FltAllocateContext returns {status} or {status}")
    public void returnsEither(NtStatus first, NtStatus second) {
        NtStatus actual = allocation().status();
        assertThat(actual)
                .withFailMessage("%s violated: %s returned %s, expected %s or %s", world.ruleId(), lastCall, actual, first, second)
                .isIn(first, second);
    }

    @Then("the returned context has a reference count of {int}")
    public void referenceCount(int expected) {
        long context = allocation().returnedContext();
        assertThat(context).withFailMessage("%s violated: %s returned %s but handed back a NULL context",
                world.ruleId(), lastCall, allocation().status()).isNotZero();
        ContextState state = world.fm().inspectContext(context);
        assertThat(state.referenceCount())
                .withFailMessage("%s violated: the context %s handed back has a reference count of %d, expected %d",
                        world.ruleId(), lastCall, state.referenceCount(), expected)
                .isEqualTo(expected);
    }

    @Then("no context is handed back")
    public void nothingHandedBack() {
        Allocation allocation = allocation();
        assertThat(allocation.returnedContext())
                .withFailMessage("%s violated: %s returned %s yet handed back context 0x%X; a failed allocation "
                        + "must leave ReturnedContext NULL", world.ruleId(), lastCall, allocation.status(), allocation.returnedContext())
                .isZero();
        if (world.poolBeforeAllocation != null) {
            PoolSnapshot after = world.fm().pool();
            assertThat(after.outstandingBlocks())
                    .withFailMessage("%s violated: %s failed with %s but left %d more pool block(s) outstanding (%d before, %d after)",
                            world.ruleId(), lastCall, allocation.status(),
                            after.outstandingBlocks() - world.poolBeforeAllocation.outstandingBlocks(),
                            world.poolBeforeAllocation.outstandingBlocks(), after.outstandingBlocks())
                    .isEqualTo(world.poolBeforeAllocation.outstandingBlocks());
        }
    }

    private Allocation allocation() {
        assertThat(world.allocation).withFailMessage("%s: the scenario checks FltAllocateContext before calling it",
                world.ruleId()).isNotNull();
        return world.allocation;
    }
}
