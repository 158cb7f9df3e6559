package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.BugCheck;
import fltkit.spi.Capability;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** FltAllocateContext and what it hands back. */
public class AllocationSteps {
    private final World world;
    private String lastCall = "FltAllocateContext";
    /** A CALLER-CONTRACT scenario's allocation that stopped the machine instead of answering. */
    private BugCheck bugCheck;
    /** The ContextSize each context handed back was requested with, by address. */
    private final Map<Long, Long> requestedSizes = new HashMap<>();

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

    @When("the minifilter allocates a context of type {typeValue} of {long} bytes from {pool}")
    public void allocatesHexType(Integer type, long size, Integer pool) {
        allocate(type, ContextType.fromValue(type).map(ContextType::symbol).orElse(String.format("0x%04X", type)), size, pool);
    }

    /** Calls FltAllocateContext; a success is held by the kit's minifilter until released. */
    Allocation allocate(int type, String typeText, long size, int pool) {
        long filter = world.filter();
        world.poolBeforeAllocation = world.declares(Capability.POOL_ACCOUNTING) ? world.fm().pool() : null;
        lastCall = "FltAllocateContext(" + typeText + ", ContextSize=" + Long.toUnsignedString(size) + ", "
                + PoolType.name(pool) + ")";
        try {
            world.allocation = world.callerContract()
                    ? world.breakingContract(() -> world.fm().allocateContext(filter, type, size, pool))
                    : world.fm().allocateContext(filter, type, size, pool);
        } catch (BugCheck stop) {
            // In a CALLER-CONTRACT scenario the allocation is the breach: the answer is recorded.
            bugCheck = stop;
            world.allocation = null;
            return null;
        }
        if (world.allocation.status().isSuccess()) {
            world.hold(world.allocation.returnedContext());
            requestedSizes.put(world.allocation.returnedContext(), size);
        }
        return world.allocation;
    }

    /** The call last made, for assertion messages. */
    String lastCall() {
        return lastCall;
    }

    /** The ContextSize the context was requested with. */
    long requestedSize(long context) {
        Long size = requestedSizes.get(context);
        if (size == null) {
            throw new IllegalStateException(String.format("context 0x%X was not handed back by this scenario", context));
        }
        return size;
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

    /**
     * Columns: request (ContextSize), status, and optionally portion (bytes of the minifilter portion,
     * or '-'). Each row allocates, checks, and releases what it got.
     */
    @Then("allocations of {contextType} from {pool} go as follows:")
    public void allocationsGo(ContextType type, Integer pool, DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            allocate(type.value(), type.symbol(), Long.parseLong(row.get("request").trim()), pool);
            world.expectStatus(lastCall, allocation().status(), NtStatus.named(row.get("status").trim()));
            String portion = row.get("portion");
            long context = world.allocation.returnedContext();
            if (portion != null && !portion.trim().equals("-")) {
                portionIs(context, Long.parseLong(portion.trim()));
            }
            if (world.allocation.status().isSuccess()) {
                world.fm().releaseContext(context);
                world.letGo(context);
            }
        }
    }

    @Then("the returned context has a reference count of {int}")
    public void referenceCount(int expected) {
        ContextState state = returnedState();
        assertThat(state.referenceCount())
                .withFailMessage("%s violated: the context %s handed back has a reference count of %d, expected %d",
                        world.ruleId(), lastCall, state.referenceCount(), expected)
                .isEqualTo(expected);
    }

    @Then("the returned context is a {contextType}")
    public void isOfType(ContextType expected) {
        ContextState state = returnedState();
        assertThat(state.contextType())
                .withFailMessage("%s violated: the context %s handed back is of type 0x%04X, expected %s (0x%04X)",
                        world.ruleId(), lastCall, state.contextType(), expected.symbol(), expected.value())
                .isEqualTo(expected.value());
    }

    @Then("the returned context has a minifilter portion of {long} bytes")
    public void portion(long expected) {
        returnedState();
        portionIs(allocation().returnedContext(), expected);
    }

    private void portionIs(long context, long expected) {
        long actual = world.fm().inspectContext(context).size();
        assertThat(actual)
                .withFailMessage("%s violated: the context %s handed back has a minifilter portion of %d bytes, expected %d",
                        world.ruleId(), lastCall, actual, expected)
                .isEqualTo(expected);
    }

    @Then("the returned context comes from {pool}")
    public void comesFromPool(Integer expected) {
        ContextState state = returnedState();
        assertThat(state.poolType())
                .withFailMessage("%s violated: the context %s handed back comes from %s, expected %s",
                        world.ruleId(), lastCall, PoolType.name(state.poolType()), PoolType.name(expected))
                .isEqualTo(expected);
    }

    @Then("the returned context came straight from pool")
    public void cameFromPool() {
        ContextState state = returnedState();
        assertThat(state.origin())
                .withFailMessage("%s violated: the context %s handed back came from %s, expected straight from pool (POOL)",
                        world.ruleId(), lastCall, state.origin())
                .isEqualTo(fltkit.spi.ContextOrigin.POOL);
    }

    @Then("the kit records what FltAllocateContext returned")
    public void recordStatus() {
        if (bugCheck != null) {
            world.record(lastCall, bugCheck.getMessage());
            return;
        }
        Allocation allocation = allocation();
        world.record(lastCall, allocation.status() + (allocation.returnedContext() == 0 ? ", no context"
                : String.format(", context 0x%X", allocation.returnedContext())));
    }

    @Then("the kit records where the returned context came from")
    public void recordOrigin() {
        Allocation allocation = world.allocation;
        if (allocation == null || allocation.returnedContext() == 0) {
            world.record("origin", "no context was handed back");
        } else if (!world.declares(Capability.CONTEXT_INSPECTION)) {
            world.record("origin", "not observable: the implementation does not declare context-inspection");
        } else {
            ContextState state = world.fm().inspectContext(allocation.returnedContext());
            world.record("origin", state.origin() + " (" + PoolType.name(state.poolType()) + ", portion "
                    + state.size() + " bytes)");
        }
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

    private ContextState returnedState() {
        long context = allocation().returnedContext();
        assertThat(context).withFailMessage("%s violated: %s returned %s but handed back a NULL context",
                world.ruleId(), lastCall, allocation().status()).isNotZero();
        return world.fm().inspectContext(context);
    }

    private Allocation allocation() {
        assertThat(world.allocation).withFailMessage("%s: the scenario checks FltAllocateContext before calling it",
                world.ruleId()).isNotNull();
        return world.allocation;
    }
}
