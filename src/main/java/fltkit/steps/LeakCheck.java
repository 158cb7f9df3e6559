package fltkit.steps;

import fltkit.rules.KitCheck;
import fltkit.rules.Tags;
import fltkit.spi.BugCheck;
import fltkit.spi.CallbackData;
import fltkit.spi.Capability;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextObjects;
import fltkit.spi.ContextState;
import fltkit.spi.FilterTeardown;
import fltkit.spi.IrqlControl;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Transactions;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * KIT-LEAK-001 ({@link KitCheck#LEAK}), run after every scenario that ended well (before the implementation
 * is closed): the kit gives back every reference its minifilter still holds, frees its callback data and
 * tears down the objects and the filter it created; then every context it ever held must be freed, cleaned
 * up at most once, and (with pool accounting) no block may stay outstanding. Scenarios tagged
 * {@code @leaks-on-purpose} (callers breaking the contract on purpose) are exempt.
 *
 * <p>A breach is the check's own result, not the scenario's: it is attached to the scenario as a
 * {@link KitCheck#MEDIA_TYPE} finding, and the run reports it against KIT-LEAK-001, naming the scenario and
 * its rule. The scenario's documented rule stands on its own assertions.
 */
public class LeakCheck {
    private final ScenarioState state;

    public LeakCheck(ScenarioState state) {
        this.state = state;
    }

    @After(order = 1000)
    public void nothingLeaks(Scenario scenario) {
        if (!state.started() || state.abandoned() || scenario.isFailed() || state.tagged(Tags.LEAKS_ON_PURPOSE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        giveEverythingBack(problems);
        HeldContexts contexts = state.contexts();
        if (state.declares(Capability.CONTEXT_INSPECTION)) {
            for (long context : contexts.seen()) {
                ContextState left = state.role(ContextInspection.class).inspectContext(context);
                if (left.alive()) {
                    problems.add(contexts.nameOf(context) + " is still alive with a reference count of " + left.referenceCount()
                            + (left.attached() ? ", attached to an object" : ""));
                }
                if (left.cleanupCalls() > 1) {
                    problems.add("the cleanup callback ran " + left.cleanupCalls() + " times for " + contexts.nameOf(context));
                }
            }
        }
        if (state.declares(Capability.POOL_ACCOUNTING)) {
            PoolSnapshot pool = state.role(PoolAccounting.class).pool();
            if (pool.liveContexts() != 0 || pool.outstandingBlocks() != 0) {
                problems.add(pool.liveContexts() + " context(s) and " + pool.outstandingBlocks() + " pool block(s) still outstanding");
            }
        }
        if (!problems.isEmpty()) {
            String message = KitCheck.LEAK.id() + " violated after " + state.ruleId() + ": once the minifilter gave back every "
                    + "reference, callback data and object it had, " + String.join("; ", problems);
            scenario.attach(finding(message), KitCheck.MEDIA_TYPE, KitCheck.LEAK.id());
            scenario.log(message);
        }
    }

    private byte[] finding(String message) {
        return ("{\"check\":\"" + KitCheck.LEAK.id() + "\",\"rule\":\"" + Json.escape(state.ruleId()) + "\",\"message\":\""
                + Json.escape(message) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private void giveEverythingBack(List<String> problems) {
        MinifilterObjects objects = state.objects();
        try {
            for (long context : state.contexts().held()) {
                state.fm().releaseContext(context);
                state.contexts().letGo(context);
            }
            for (long data : List.copyOf(objects.liveCallbackData)) {
                state.role(CallbackData.class).freeCallbackData(data);
            }
            for (long fileObject : List.copyOf(objects.openFileObjects)) {
                state.role(ContextObjects.class).closeFile(fileObject);
            }
            for (long transaction : List.copyOf(objects.activeTransactions)) {
                state.role(Transactions.class).endTransaction(transaction, false);
            }
            for (long volume : List.copyOf(objects.mountedVolumes)) {
                state.role(ContextObjects.class).dismountVolume(volume);
            }
            if (state.declares(Capability.FILTER_TEARDOWN) && !objects.filterUnloaded && state.registering().registered()) {
                state.role(FilterTeardown.class).unloadFilter(state.registering().registeredFilter());
            }
            if (state.declares(Capability.FILTER_TEARDOWN) && objects.otherFilter != 0) {
                state.role(FilterTeardown.class).unloadFilter(objects.otherFilter);
            }
            if (state.declares(Capability.IRQL)) {
                state.role(IrqlControl.class).runDeferredWork();
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
