package fltkit.steps;

import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.PoolSnapshot;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The minifilter's context cleanup, allocate and free callbacks as the implementation called them, and the pool. */
public class CallbackSteps {
    private final World world;
    private final Scene scene;

    public CallbackSteps(World world, Scene scene) {
        this.world = world;
        this.scene = scene;
    }

    @Then("the cleanup callback ran once for {string} as a {contextType}")
    public void cleanupRanOnce(String name, ContextType type) {
        long context = world.context(name);
        List<CallbackEvent> cleanups = cleanups(context);
        assertThat(cleanups).withFailMessage("%s violated: the cleanup callback ran %d time(s) for %s, expected once; calls seen: %s",
                world.ruleId(), cleanups.size(), scene.nameOf(context), scene.events()).hasSize(1);
        assertThat(cleanups.get(0).contextType())
                .withFailMessage("%s violated: the cleanup callback for %s got ContextType 0x%04X, expected %s (0x%04X)",
                        world.ruleId(), scene.nameOf(context), cleanups.get(0).contextType(), type.symbol(), type.value())
                .isEqualTo(type.value());
    }

    @Then("the cleanup callback has not run for {string}")
    public void cleanupNotRun(String name) {
        long context = world.context(name);
        assertThat(cleanups(context)).withFailMessage("%s violated: the cleanup callback ran for %s while a reference was still held; calls seen: %s",
                world.ruleId(), scene.nameOf(context), scene.events()).isEmpty();
    }

    @Then("no cleanup callback ran")
    public void noCleanup() {
        assertThat(scene.events()).withFailMessage("%s violated: a cleanup callback ran although none was registered; calls seen: %s",
                world.ruleId(), scene.events()).noneMatch(e -> e.kind() == CallbackEvent.Kind.CLEANUP);
    }

    @Then("the free callback ran once, after the cleanup callback, with the block the allocate callback returned")
    public void freeGetsAllocatedBlock() {
        List<CallbackEvent> events = scene.events();
        List<CallbackEvent> allocations = events.stream().filter(e -> e.kind() == CallbackEvent.Kind.ALLOCATE).toList();
        List<CallbackEvent> frees = events.stream().filter(e -> e.kind() == CallbackEvent.Kind.FREE).toList();
        assertThat(allocations).withFailMessage("%s: the scenario expects one allocate callback call; calls seen: %s",
                world.ruleId(), events).hasSize(1);
        assertThat(frees).withFailMessage("%s violated: the free callback ran %d time(s), expected once; calls seen: %s",
                world.ruleId(), frees.size(), events).hasSize(1);
        assertThat(frees.get(0).address())
                .withFailMessage("%s violated: the free callback got Pool 0x%X, expected 0x%X, the block the allocate callback returned",
                        world.ruleId(), frees.get(0).address(), allocations.get(0).address())
                .isEqualTo(allocations.get(0).address());
        assertThat(frees.get(0).contextType())
                .withFailMessage("%s violated: the free callback got ContextType 0x%04X, expected 0x%04X", world.ruleId(),
                        frees.get(0).contextType(), allocations.get(0).contextType())
                .isEqualTo(allocations.get(0).contextType());
        int cleanupAt = indexOf(events, CallbackEvent.Kind.CLEANUP);
        assertThat(cleanupAt).withFailMessage("%s violated: the free callback ran before (or without) the cleanup callback; calls seen: %s",
                world.ruleId(), events).isBetween(0, events.indexOf(frees.get(0)));
    }

    @Then("every context callback ran at APC_LEVEL or below")
    public void callbacksBelowDispatch() {
        List<CallbackEvent> events = scene.events();
        assertThat(events).withFailMessage("%s violated: a context callback ran above APC_LEVEL; calls seen: %s", world.ruleId(), events)
                .allMatch(e -> e.irql().compareTo(Irql.APC_LEVEL) <= 0);
    }

    @Given("the kit notes the pool's outstanding blocks")
    public void notePool() {
        scene.poolMark = world.fm().pool();
    }

    @Then("the pool's outstanding blocks are back to what the kit noted")
    public void poolBack() {
        PoolSnapshot now = world.fm().pool();
        assertThat(now.outstandingBlocks())
                .withFailMessage("%s violated: %d pool block(s) outstanding, expected %d as before; the memory did not go back",
                        world.ruleId(), now.outstandingBlocks(), scene.poolMark.outstandingBlocks())
                .isEqualTo(scene.poolMark.outstandingBlocks());
    }

    private List<CallbackEvent> cleanups(long context) {
        return scene.events().stream().filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).toList();
    }

    private static int indexOf(List<CallbackEvent> events, CallbackEvent.Kind kind) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
