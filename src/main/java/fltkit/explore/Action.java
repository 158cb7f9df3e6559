package fltkit.explore;

import fltkit.spi.Capability;
import fltkit.spi.ContextState;
import fltkit.spi.WindowsVersion;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One thing the kit's minifilter does, in the words of one or a few steps of the kit's vocabulary. An action
 * refers to contexts by the names the minifilter gave them, never by address, so the same action runs on the
 * implementation under test and on the reference alike.
 */
interface Action {

    /** The exploration's fixed facts: the Windows profile and the capabilities of the implementation under test. */
    record Env(WindowsVersion version, Set<Capability> caps) {
        boolean has(Capability capability) {
            return caps.contains(capability);
        }
    }

    enum Keyword { GIVEN, WHEN }

    /** One printed step (without its keyword), with its data table when it has one. */
    record Line(Keyword keyword, String text, List<List<String>> table) {
        static Line given(String text) {
            return new Line(Keyword.GIVEN, text, List.of());
        }

        static Line when(String text) {
            return new Line(Keyword.WHEN, text, List.of());
        }
    }

    /**
     * Whether a well-behaved minifilter may do this now, judged only from what the reference answered so far
     * (so a sequence is well formed, or not, independently of the implementation under test).
     */
    boolean enabled(Side reference, Env env);

    /** Does it on one side; false when the action's own step would fail (a named allocation that did not succeed). */
    boolean perform(Side side);

    /** The steps, in order. */
    List<Line> lines();

    /** How many of {@link #lines()} come before the checks of this action (the rest undo a fault injection). */
    default int checkPoint() {
        return lines().size();
    }

    /** The capabilities the steps need, for the scenario's {@code @needs:} tags. */
    default Set<Capability> needs() {
        return Set.of();
    }

    /** The checks that belong to this action, before the checks every action gets. */
    default List<Check> checks(Judging judging) {
        return List.of();
    }

    /** The rule a changed reference count, a freed or a surviving context breaks after this action. */
    default String countRule(String name, Judging judging) {
        return judging.reference().inspect(name).alive() ? "REF-002" : "REF-003";
    }

    /** The rule broken when this action's own step fails or the implementation stops the machine in it. */
    String rule();

    /** Whether this action takes contexts away with an object (their cleanup is AUTO-007's). */
    default boolean deletesWithObjects() {
        return false;
    }

    /** The rule of the pool check when the minifilter holds nothing after this action. */
    default String poolRule(Judging judging) {
        return "FREE-004";
    }

    /** Simpler variants, for shrinking. */
    default List<Action> simpler() {
        return List.of();
    }

    /** The context names it uses. */
    default List<String> names() {
        return List.of();
    }

    /** What an action is judged with: both sides after it, and what the reference showed of each name before it. */
    record Judging(Side reference, Side underTest, Env env, Map<String, ContextState> referenceBefore) {
        boolean wasAlive(String name) {
            ContextState before = referenceBefore.get(name);
            return before != null && before.alive();
        }

        boolean wasAttached(String name) {
            ContextState before = referenceBefore.get(name);
            return before != null && before.attached();
        }
    }
}
