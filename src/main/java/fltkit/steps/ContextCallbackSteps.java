package fltkit.steps;

import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.PoolType;
import io.cucumber.java.en.Then;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The calls the filter manager makes into the minifilter's allocate, cleanup and free routines. */
public class ContextCallbackSteps {
    private final World world;
    private final AllocationSteps allocations;

    public ContextCallbackSteps(World world, AllocationSteps allocations) {
        this.world = world;
        this.allocations = allocations;
    }

    @Then("the allocate routine was called once")
    public void allocateCalledOnce() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        assertThat(calls).withFailMessage("%s violated: after %s the allocate routine was called %d times, expected once: %s",
                world.ruleId(), allocations.lastCall(), calls.size(), calls).hasSize(1);
    }

    @Then("the returned context lies inside the block the allocate routine returned")
    public void insideBlock() {
        CallbackEvent call = lastAllocate();
        long context = world.allocation.returnedContext();
        long request = allocations.requestedSize(context);
        boolean inside = call.address() != 0 && context >= call.address()
                && context + request <= call.address() + call.size();
        assertThat(inside)
                .withFailMessage("%s violated: %s handed back context 0x%X (%d bytes), which is not inside the block "
                                + "0x%X..0x%X the allocate routine returned", world.ruleId(), allocations.lastCall(), context, request,
                        call.address(), call.address() + call.size())
                .isTrue();
    }

    @Then("the allocate routine was asked for {pool}")
    public void askedForPool(Integer pool) {
        CallbackEvent call = lastAllocate();
        assertThat(call.poolType())
                .withFailMessage("%s violated: for %s the allocate routine was asked for %s, expected %s",
                        world.ruleId(), allocations.lastCall(), PoolType.name(call.poolType()), PoolType.name(pool))
                .isEqualTo(pool);
    }

    @Then("the allocate routine was asked for more than {long} bytes")
    public void askedForMoreThan(long bytes) {
        CallbackEvent call = lastAllocate();
        assertThat(call.size())
                .withFailMessage("%s violated: for %s the allocate routine was asked for %d bytes, expected more than %d "
                        + "(the filter manager's portion plus the minifilter's)", world.ruleId(), allocations.lastCall(), call.size(), bytes)
                .isGreaterThan(bytes);
    }

    @Then("the allocate routine was asked for a {contextType}")
    public void askedForType(ContextType type) {
        CallbackEvent call = lastAllocate();
        assertThat(call.contextType())
                .withFailMessage("%s violated: for %s the allocate routine was asked for type 0x%04X, expected %s (0x%04X)",
                        world.ruleId(), allocations.lastCall(), call.contextType(), type.symbol(), type.value())
                .isEqualTo(type.value());
    }

    @Then("the allocate routine ran at APC_LEVEL or below")
    public void ranAtApcOrBelow() {
        CallbackEvent call = lastAllocate();
        assertThat(call.irql().level())
                .withFailMessage("%s violated: for %s the allocate routine ran at %s, expected APC_LEVEL or below",
                        world.ruleId(), allocations.lastCall(), call.irql())
                .isLessThanOrEqualTo(Irql.APC_LEVEL.level());
    }

    @Then("the kit records the pool type the allocate routine was asked for")
    public void recordPool() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        world.record("allocate routine PoolType", calls.isEmpty() ? "the routine was not called"
                : PoolType.name(calls.get(calls.size() - 1).poolType()));
    }

    @Then("the cleanup routine has not run")
    public void noCleanup() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.CLEANUP);
        assertThat(calls).withFailMessage("%s violated: the cleanup routine ran while the context was still referenced: %s",
                world.ruleId(), calls).isEmpty();
    }

    @Then("the cleanup routine ran once for {string} as a {contextType}")
    public void cleanupRanOnce(String name, ContextType type) {
        long context = world.context(name);
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.CLEANUP);
        assertThat(calls)
                .withFailMessage("%s violated: after the last release of \"%s\" (0x%X) the cleanup routine calls were %s, "
                        + "expected one call for 0x%X as %s", world.ruleId(), name, context, calls, context, type.symbol())
                .hasSize(1)
                .allMatch(c -> c.address() == context && c.contextType() == type.value());
    }

    @Then("the free routine got the block the allocate routine returned, as a {contextType}")
    public void freeGotBlock(ContextType type) {
        CallbackEvent allocate = lastAllocate();
        List<CallbackEvent> frees = calls(CallbackEvent.Kind.FREE);
        assertThat(frees)
                .withFailMessage("%s violated: the free routine calls were %s, expected one call for block 0x%X (what the "
                        + "allocate routine returned) as %s", world.ruleId(), frees, allocate.address(), type.symbol())
                .hasSize(1)
                .allMatch(c -> c.address() == allocate.address() && c.contextType() == type.value());
    }

    private CallbackEvent lastAllocate() {
        List<CallbackEvent> calls = calls(CallbackEvent.Kind.ALLOCATE);
        assertThat(calls).withFailMessage("%s violated: %s never called the allocate routine", world.ruleId(),
                allocations.lastCall()).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private List<CallbackEvent> calls(CallbackEvent.Kind kind) {
        return world.callbackEvents().stream().filter(e -> e.kind() == kind).toList();
    }
}
