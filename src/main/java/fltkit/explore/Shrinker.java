package fltkit.explore;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes a failing sequence small: it drops what comes after the divergence, then removes chunks of actions
 * (halves, quarters, ... single actions, the classic delta-debugging order) and simplifies the arguments of
 * the actions that remain (fewer definitions, smaller bursts, no OldContext, PASSIVE_LEVEL instead of
 * DISPATCH_LEVEL), until nothing more can go. A candidate counts only when it is still well formed (every
 * action enabled where it stands, judged on the reference) and still diverges under the same rule.
 */
final class Shrinker {
    private final Runner runner;
    private final String ruleId;
    private final long deadlineNanos;
    private final int maxReplays;
    private int replays;

    /** The smallest failing sequence found and how it fails. */
    record Result(List<Action> actions, Runner.Outcome outcome, int replays) {
    }

    Shrinker(Runner runner, String ruleId, long deadlineNanos, int maxReplays) {
        this.runner = runner;
        this.ruleId = ruleId;
        this.deadlineNanos = deadlineNanos;
        this.maxReplays = maxReplays;
    }

    Result shrink(List<Action> failing, Runner.Outcome outcome) {
        List<Action> current = cut(failing, outcome);
        Runner.Outcome now = outcome;
        boolean progress = true;
        while (progress && budgetLeft()) {
            progress = false;
            for (int chunk = Math.max(1, (current.size() - 1) / 2); chunk >= 1 && budgetLeft(); chunk /= 2) {
                int start = 1; // the registration stays first
                while (start + chunk <= current.size() && budgetLeft()) {
                    List<Action> candidate = new ArrayList<>(current.subList(0, start));
                    candidate.addAll(current.subList(start + chunk, current.size()));
                    Runner.Outcome tried = test(candidate);
                    if (tried != null) {
                        current = cut(candidate, tried);
                        now = tried;
                        progress = true;
                    } else {
                        start += chunk;
                    }
                }
            }
            for (int i = 0; i < current.size() && budgetLeft(); i++) {
                boolean simplified = true;
                while (simplified && budgetLeft()) {
                    simplified = false;
                    for (Action simpler : current.get(i).simpler()) {
                        List<Action> candidate = new ArrayList<>(current);
                        candidate.set(i, simpler);
                        Runner.Outcome tried = test(candidate);
                        if (tried != null) {
                            current = cut(candidate, tried);
                            now = tried;
                            progress = true;
                            simplified = i < current.size();
                            break;
                        }
                    }
                }
            }
        }
        return new Result(current, now, replays);
    }

    /** The outcome when the candidate still fails the same way, else null. */
    private Runner.Outcome test(List<Action> candidate) {
        replays++;
        Runner.Outcome outcome = runner.replay(candidate);
        return outcome.diverged() && ruleId.equals(outcome.ruleId()) ? outcome : null;
    }

    /** What matters of a failing sequence: up to the action it diverged at (all of it for the leak check). */
    private static List<Action> cut(List<Action> actions, Runner.Outcome outcome) {
        if (outcome.kind() == Runner.Kind.LEAK) {
            return new ArrayList<>(actions);
        }
        return new ArrayList<>(actions.subList(0, Math.min(actions.size(), outcome.index() + 1)));
    }

    private boolean budgetLeft() {
        return replays < maxReplays && System.nanoTime() < deadlineNanos;
    }
}
