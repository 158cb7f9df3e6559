package fltkit.steps;

import fltkit.rules.BrokenImplementation;
import fltkit.rules.KitError;
import fltkit.spi.NtStatus;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit's violation vocabulary: every judgement a step makes goes through here, so every failure message
 * has one shape, {@code <rule> violated: <what happened>, expected <what the documents say>}, and is
 * charged to its real cause. In a MUST rule's scenario a violation fails the rule; in the other levels,
 * which are never judged, the same finding means the scenario could not record what it came for, and it
 * ends broken. A mistake of the kit's own scenario is a {@link KitError}.
 */
public final class Judge {
    private final ScenarioState state;

    public Judge(ScenarioState state) {
        this.state = state;
    }

    /** The routine's status is the documented one. */
    public void status(String call, NtStatus actual, NtStatus expected) {
        equal(actual, expected, () -> call + " returned " + actual + ", expected " + expected);
    }

    /** The routine's status is one of those the kit's reading allows. */
    public void statusIn(String call, NtStatus actual, NtStatus... allowed) {
        that(Arrays.asList(allowed).contains(actual), () -> call + " returned " + actual + ", expected "
                + Arrays.stream(allowed).map(NtStatus::toString).collect(Collectors.joining(" or ")));
    }

    /** {@code actual} equals {@code expected}; the message says what happened and what was expected. */
    public <T> void equal(T actual, T expected, Supplier<String> whatHappened) {
        try {
            assertThat(actual).withFailMessage(() -> violation(whatHappened.get())).isEqualTo(expected);
        } catch (AssertionError failed) {
            throw charged(failed);
        }
    }

    /** The condition the documents demand holds; {@code whatHappened} describes the breach. */
    public void that(boolean holds, Supplier<String> whatHappened) {
        try {
            assertThat(holds).withFailMessage(() -> violation(whatHappened.get())).isTrue();
        } catch (AssertionError failed) {
            throw charged(failed);
        }
    }

    /**
     * What a scenario needs before its rule can be checked (a registered filter, a successful allocation)
     * did not happen: the implementation failed it, so it is judged like the rule's own checks.
     */
    public void precondition(boolean holds, Supplier<String> whatHappened) {
        that(holds, () -> whatHappened.get() + " (the scenario needs this before it can check " + state.ruleId() + ")");
    }

    /** The kit's own scenario misused its steps: {@code what} says how, so the scenario can be fixed. */
    public KitError kitError(String what) {
        return new KitError(state.ruleId() + ": the kit's scenario " + what);
    }

    /** The scenario's objects are required: a null here is the kit's mistake, not the implementation's. */
    public <T> T known(T value, String what) {
        if (value == null) {
            throw kitError(what);
        }
        return value;
    }

    private String violation(String whatHappened) {
        return state.ruleId() + " violated: " + whatHappened;
    }

    private RuntimeException charged(AssertionError failed) {
        if (state.level().judged()) {
            throw failed;
        }
        return new BrokenImplementation(Objects.toString(failed.getMessage()).replace(state.ruleId() + " violated: ",
                state.ruleId() + " (" + state.level() + ", recorded, never judged) could not be recorded: "), failed);
    }
}
