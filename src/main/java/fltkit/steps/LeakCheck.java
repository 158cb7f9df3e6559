package fltkit.steps;

import fltkit.rules.Tags;
import fltkit.spi.BugCheck;
import fltkit.spi.Capability;
import fltkit.spi.ContextState;
import fltkit.spi.PoolSnapshot;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KIT-LEAK-001, run after every scenario (before the implementation is closed): the kit gives back every
 * reference its minifilter still holds, frees its callback data and tears down the objects and the filter
 * it created; then every context it ever held must be freed, cleaned up at most once, and (with pool
 * accounting) no block may stay outstanding. Scenarios tagged {@code @leaks-on-purpose} (callers breaking
 * the contract on purpose) are exempt.
 */
public class LeakCheck {
    private final World world;
    private final Scene scene;

    public LeakCheck(World world, Scene scene) {
        this.world = world;
        this.scene = scene;
    }

    @After(order = 1000)
    public void nothingLeaks(Scenario scenario) {
        if (world.fm() == null || scenario.isFailed() || scenario.getSourceTagNames().contains(Tags.LEAKS_ON_PURPOSE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        giveEverythingBack(problems);
        if (world.declares(Capability.CONTEXT_INSPECTION)) {
            for (long context : world.seen) {
                ContextState state = world.fm().inspectContext(context);
                if (state.alive()) {
                    problems.add(scene.nameOf(context) + " is still alive with a reference count of " + state.referenceCount()
                            + (state.attached() ? ", attached to an object" : ""));
                }
                if (state.cleanupCalls() > 1) {
                    problems.add("the cleanup callback ran " + state.cleanupCalls() + " times for " + scene.nameOf(context));
                }
            }
        }
        if (world.declares(Capability.POOL_ACCOUNTING)) {
            PoolSnapshot pool = world.fm().pool();
            if (pool.liveContexts() != 0 || pool.outstandingBlocks() != 0) {
                problems.add(pool.liveContexts() + " context(s) and " + pool.outstandingBlocks() + " pool block(s) still outstanding");
            }
        }
        assertThat(problems).withFailMessage("KIT-LEAK-001 violated after %s: once the minifilter gave back every reference, "
                + "callback data and object it had, %s", world.ruleId(), String.join("; ", problems)).isEmpty();
    }

    private void giveEverythingBack(List<String> problems) {
        try {
            for (long context : List.copyOf(world.held)) {
                world.fm().releaseContext(context);
                world.letGo(context);
            }
            for (long data : List.copyOf(scene.liveCallbackData)) {
                world.fm().freeCallbackData(data);
            }
            for (long fileObject : List.copyOf(scene.openFileObjects)) {
                world.fm().closeFile(fileObject);
            }
            for (long transaction : List.copyOf(scene.activeTransactions)) {
                world.fm().endTransaction(transaction, false);
            }
            for (long volume : List.copyOf(scene.mountedVolumes)) {
                world.fm().dismountVolume(volume);
            }
            if (world.declares(Capability.FILTER_TEARDOWN) && !scene.filterUnloaded && world.registration != null
                    && world.registration.status().isSuccess()) {
                world.fm().unloadFilter(world.registration.filter());
            }
            if (world.declares(Capability.IRQL)) {
                world.fm().runDeferredWork();
            }
        } catch (AssertionError stopped) {
            // CallTrace turns a bug check on these in-contract calls into an AssertionError; here it is a leak-check finding.
            if (!(stopped.getCause() instanceof BugCheck)) {
                throw stopped;
            }
            problems.add("giving back what the minifilter held stopped the machine (" + stopped.getCause().getMessage()
                    + "): something was freed while the minifilter still held it");
        }
    }
}
