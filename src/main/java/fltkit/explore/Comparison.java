package fltkit.explore;

import fltkit.spi.CallbackEvent;
import fltkit.spi.Capability;
import fltkit.spi.ContextState;
import fltkit.spi.PoolAccounting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges one action: its own checks, then what every action is checked for (each named context's reference
 * count or freeing, its callbacks, and the pool whenever the minifilter holds nothing). A check is kept only
 * when it holds on the reference, where the documents determine the answer; it is a finding when it does not
 * hold on the implementation under test. Only what the documents determine is checked: the
 * {@link Freedoms} table says what is left out and why.
 */
final class Comparison {
    /** A check that holds on the reference and not on the implementation under test. */
    record Finding(Check check, String observed) {
    }

    private int checks;
    private int unexpressible;

    /** Checks evaluated so far. */
    int checks() {
        return checks;
    }

    /** Checks dropped because the reference itself did not satisfy them (the step could not say what it saw). */
    int unexpressible() {
        return unexpressible;
    }

    /** The first finding after the action, or empty. */
    Optional<Finding> judge(Action action, Action.Judging j) {
        List<Check> own = action.checks(j);
        for (Check check : own) {
            Optional<Finding> finding = evaluate(check, j);
            if (finding.isPresent()) {
                return finding;
            }
        }
        for (Check check : general(action, j)) {
            Optional<Finding> finding = evaluate(check, j);
            if (finding.isPresent()) {
                return finding;
            }
        }
        return Optional.empty();
    }

    private Optional<Finding> evaluate(Check check, Action.Judging j) {
        if (!j.env().caps().containsAll(check.needs())) {
            return Optional.empty();
        }
        if (!check.holdsOn(j.reference())) {
            unexpressible++;
            return Optional.empty();
        }
        checks++;
        String observed = check.observe().apply(j.underTest());
        return Check.HOLDS.equals(observed) ? Optional.empty() : Optional.of(new Finding(check, observed));
    }

    /** What every action is checked for, name by name in the order the minifilter named its contexts. */
    private static List<Check> general(Action action, Action.Judging j) {
        Side ref = j.reference();
        Side sut = j.underTest();
        List<Check> checks = new ArrayList<>();
        boolean inspection = j.env().has(Capability.CONTEXT_INSPECTION);
        boolean callbacks = j.env().has(Capability.CALLBACK_EVENTS);
        for (String name : ref.named.keySet()) {
            if (!sut.named.containsKey(name) || !ref.inspectable(name) || !sut.inspectable(name)) {
                continue; // Freedoms.KIT_HANDLES: the address went to another context
            }
            ContextState before = j.referenceBefore().get(name);
            if (before != null && !before.alive()) {
                continue; // freed earlier, and judged then
            }
            ContextState now = ref.inspect(name);
            boolean pending = now.alive() && now.referenceCount() == 0;
            if (pending) {
                continue; // Freedoms.FREE_006: released to zero at DISPATCH_LEVEL, the work item has not run
            }
            String rule = action.countRule(name, j);
            if (inspection) {
                checks.add(now.alive() ? Check.referenceCount(rule, name, now.referenceCount()) : Check.freed(rule, name));
            }
            if (callbacks && ref.uniqueAddress(name) && sut.uniqueAddress(name)) {
                checks.addAll(callbackChecks(action, j, name, now.alive()));
            }
        }
        if (callbacks && !ref.events.isEmpty()) {
            boolean allocateHigh = sut.events.stream().filter(e -> e.irql().compareTo(fltkit.spi.Irql.APC_LEVEL) > 0)
                    .findFirst().map(e -> e.kind() == CallbackEvent.Kind.ALLOCATE).orElse(false);
            checks.add(Check.callbacksBelowDispatch(allocateHigh ? "ACB-007" : "FREE-006"));
        }
        if (j.env().has(Capability.POOL_ACCOUNTING) && quiet(ref) && quiet(sut)
                && ref.role(PoolAccounting.class).pool().liveContexts() == 0) {
            // Freedoms.KIT_POOL_SIZES: only when both hold nothing. A context still alive owns the block, whatever the action.
            boolean contextLeft = sut.role(PoolAccounting.class).pool().liveContexts() > 0;
            checks.add(Check.poolBack(contextLeft ? "FREE-004" : action.poolRule(j)));
        }
        return checks;
    }

    private static List<Check> callbackChecks(Action action, Action.Judging j, String name, boolean alive) {
        Def def = j.reference().defOf(name);
        List<Check> checks = new ArrayList<>();
        if (alive) {
            if (def.cleanup()) {
                checks.add(Check.cleanupNotRun("FREE-002", name));
            }
            return checks;
        }
        if (def.cleanup()) {
            checks.add(Check.cleanupRanOnce(action.deletesWithObjects() ? "AUTO-007" : "FREE-001", name, def.type()));
        } else {
            checks.add(Check.cleanupNotRun("FREE-005", name));
        }
        if (def.callbacks() && uniqueBlock(j.reference(), name) && uniqueBlock(j.underTest(), name)) {
            checks.add(Check.freeGotBlock("FREE-003", name));
            if (def.cleanup()) {
                checks.add(Check.cleanupBeforeFree("FREE-003", name));
            }
        }
        return checks;
    }

    /** Whether the block the allocate callback returned for the context was never returned for another one. */
    private static boolean uniqueBlock(Side side, String name) {
        Optional<CallbackEvent> block = Check.blockOf(side, side.named.get(name));
        return block.isPresent() && side.events.stream()
                .filter(e -> e.kind() == CallbackEvent.Kind.ALLOCATE && e.address() == block.get().address()).count() == 1;
    }

    /** The minifilter holds nothing: no reference, no callback data. */
    static boolean quiet(Side side) {
        return side.held.isEmpty() && side.liveCallbackData.isEmpty() && side.noted != null;
    }
}
