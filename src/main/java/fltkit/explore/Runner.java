package fltkit.explore;

import fltkit.reference.ReferenceFilterManager;
import fltkit.settings.KitConfigurationException;
import fltkit.spi.Capability;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs sequences of actions on the implementation under test and on the reference side by side, a fresh
 * instance of each per sequence, and judges each action as it goes; at the end of a sequence both give back
 * everything and the kit's leak check (KIT-LEAK-001) looks at what is left, as after every scenario.
 */
final class Runner {
    enum Status { PASSED, DIVERGED, INVALID, KIT_ERROR }

    /** How a divergence showed: a Then-step failed, the action's own step failed, the implementation threw, or the leak check. */
    enum Kind { CHECK, OWN_STEP, FAULT, LEAK }

    /**
     * @param index   the action at which the run stopped (for a leak, the last one)
     * @param check   the failed check ({@link Kind#CHECK} only)
     */
    record Outcome(Status status, int index, Kind kind, String ruleId, String message, Check check) {
        boolean diverged() {
            return status == Status.DIVERGED;
        }
    }

    private final FilterManagerProvider provider;
    private final WindowsVersion version;
    final Action.Env env;
    final Comparison comparison = new Comparison();
    private long calls;

    Runner(FilterManagerProvider provider, WindowsVersion version, Set<Capability> capabilities) {
        this.provider = provider;
        this.version = version;
        this.env = new Action.Env(version, Set.copyOf(capabilities));
    }

    /** Calls the minifilter made into the implementation under test, over every run. */
    long calls() {
        return calls;
    }

    Run start() {
        return new Run();
    }

    /** Runs the actions from the start; INVALID when one of them is not well formed at its place. */
    Outcome replay(List<Action> actions) {
        try (Run run = start()) {
            for (Action action : actions) {
                Optional<Outcome> stopped = run.step(action);
                if (stopped.isPresent()) {
                    return stopped.get();
                }
            }
            return run.finish();
        }
    }

    /** One sequence in progress. */
    final class Run implements AutoCloseable {
        final Side reference;
        final Side underTest;
        private int index;

        Run() {
            reference = new Side(new ReferenceFilterManager(version), version, false);
            FilterManager created;
            try {
                created = provider.create(version);
            } catch (RuntimeException e) {
                throw new KitConfigurationException(provider.info().name() + " could not make a filter manager for the "
                        + version.profile() + " profile: " + e, e);
            }
            if (created == null) {
                throw new KitConfigurationException(provider.info().name() + ".create(" + version.profile() + ") returned null");
            }
            underTest = new Side(created, version, true);
        }

        /** Performs the action on both sides and judges it; empty while all is well. */
        Optional<Outcome> step(Action action) {
            int at = index++;
            if (!action.enabled(reference, env)) {
                return Optional.of(new Outcome(Status.INVALID, at, null, null, "not well formed here: " + action, null));
            }
            Map<String, ContextState> before = new LinkedHashMap<>();
            for (String name : reference.named.keySet()) {
                before.put(name, reference.inspect(name));
            }
            try {
                if (!perform(action, reference)) {
                    return Optional.of(kitError(at, "the reference failed the step of " + action + ": "
                            + reference.lastAllocation));
                }
            } catch (Fault fault) {
                return Optional.of(kitError(at, "the reference refused " + action + ": " + fault.getMessage()));
            }
            int callsBefore = underTest.minifilterCalls();
            try {
                boolean own = perform(action, underTest);
                if (!own) {
                    return Optional.of(new Outcome(Status.DIVERGED, at, Kind.OWN_STEP, action.rule(), action.rule() + " violated: "
                            + stepText(action) + " failed: FltAllocateContext returned " + underTest.lastAllocation.status()
                            + ", expected STATUS_SUCCESS (the reference succeeded)", null));
                }
            } catch (Fault fault) {
                return Optional.of(fault(at, action, fault));
            } finally {
                calls += underTest.minifilterCalls() - callsBefore;
            }
            try {
                Optional<Comparison.Finding> finding = comparison.judge(action, new Action.Judging(reference, underTest, env, before));
                return finding.map(f -> new Outcome(Status.DIVERGED, at, Kind.CHECK, f.check().ruleId(), f.check().ruleId()
                        + " violated: after " + stepText(action) + ", '" + f.check().step() + "' does not hold: " + f.observed(), f.check()));
            } catch (Fault fault) {
                return Optional.of(fault.underTest() ? fault(at, action, fault)
                        : kitError(at, "the reference faulted while judged after " + action + ": " + fault.getMessage()));
            }
        }

        private boolean perform(Action action, Side side) {
            boolean own = action.perform(side);
            side.drainEvents();
            if (action instanceof ContextActions.Register && side.declares(Capability.POOL_ACCOUNTING)
                    && env.has(Capability.POOL_ACCOUNTING)) {
                side.note();
            }
            return own;
        }

        private Outcome fault(int at, Action action, Fault fault) {
            if (fault.stoppedTheMachine()) {
                return new Outcome(Status.DIVERGED, at, Kind.FAULT, action.rule(), action.rule() + " violated: " + fault.call()
                        + " stopped the machine (" + fault.getCause().getMessage() + ") although the minifilter kept to its contract", null);
            }
            return new Outcome(Status.DIVERGED, at, Kind.FAULT, "KIT-EXPLORE-001", "KIT-EXPLORE-001: the implementation broke: "
                    + fault.getMessage() + " (a routine the minifilter was entitled to call threw, or answered null)", null);
        }

        private Outcome kitError(int at, String message) {
            return new Outcome(Status.KIT_ERROR, at, null, null, message, null);
        }

        /** Both sides give back everything; the leak check judges what is left (LeakCheck, KIT-LEAK-001). */
        Outcome finish() {
            int last = index - 1;
            List<String> left;
            try {
                left = leftOver(reference);
            } catch (Fault fault) {
                return kitError(last, "the reference faulted while giving everything back: " + fault.getMessage());
            }
            if (!left.isEmpty()) {
                return kitError(last, "the reference leaked: " + left);
            }
            int callsBefore = underTest.minifilterCalls();
            try {
                left = leftOver(underTest);
            } catch (Fault fault) {
                return new Outcome(Status.DIVERGED, last, Kind.LEAK, "KIT-EXPLORE-001", "KIT-EXPLORE-001: the implementation broke "
                        + "while the minifilter gave everything back: " + fault.getMessage(), null);
            } finally {
                calls += underTest.minifilterCalls() - callsBefore;
            }
            if (!left.isEmpty()) {
                return new Outcome(Status.DIVERGED, last, Kind.LEAK, "KIT-LEAK-001", "KIT-LEAK-001 violated: once the minifilter gave "
                        + "back every reference, callback data and object it had, " + String.join("; ", left), null);
            }
            return new Outcome(Status.PASSED, last, null, null, null, null);
        }

        private List<String> leftOver(Side side) {
            List<String> problems = new ArrayList<>();
            side.giveEverythingBack(problems);
            if (side.declares(Capability.CONTEXT_INSPECTION)) {
                for (long context : side.seen) {
                    ContextState state = side.role(ContextInspection.class).inspectContext(context);
                    String name = Check.nameOf(side, context);
                    if (state.alive()) {
                        problems.add(name + " is still alive with a reference count of " + state.referenceCount()
                                + (state.attached() ? ", attached to an object" : ""));
                    }
                    if (state.cleanupCalls() > 1) {
                        problems.add("the cleanup callback ran " + state.cleanupCalls() + " times for " + name);
                    }
                }
            }
            if (side.declares(Capability.POOL_ACCOUNTING)) {
                PoolSnapshot pool = side.role(PoolAccounting.class).pool();
                if (pool.liveContexts() != 0 || pool.outstandingBlocks() != 0) {
                    problems.add(pool.liveContexts() + " context(s) and " + pool.outstandingBlocks() + " pool block(s) still outstanding");
                }
            }
            return problems;
        }

        @Override
        public void close() {
            try {
                underTest.raw.close();
            } catch (RuntimeException ignored) {
                // closing is the end of the sequence; what it throws changes no finding
            }
        }
    }

    /** The step of an action that a message names: its main line. */
    static String stepText(Action action) {
        return "'" + action.lines().get(action.checkPoint() - 1).text() + "'";
    }
}
