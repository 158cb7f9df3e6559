package fltkit.selftest;

import fltkit.rules.Outcome;
import fltkit.rules.RuleId;

/**
 * How one scenario ended in a self-test run, in the kit's own outcome model, and what the kit's own check
 * after it found ({@code kitCheck}, null when nothing): a result of its own, not the scenario's.
 */
public record ScenarioOutcome(String name, Outcome outcome, String message, Throwable error, String kitCheck) {

    public ScenarioOutcome(String name, Outcome outcome, String message, Throwable error) {
        this(name, outcome, message, error, null);
    }

    public String ruleId() {
        return RuleId.at(name).orElse(name);
    }

    /** Failed, broken or a kit error: something went wrong, whoever's fault it was. */
    public boolean wentWrong() {
        return outcome == Outcome.FAILED || outcome == Outcome.BROKEN || outcome == Outcome.KIT_ERROR;
    }

    /** Passed, whether or not it recorded an implementation-defined value on the way. */
    public boolean passed() {
        return outcome == Outcome.PASSED || outcome == Outcome.RECORDED;
    }

    /** Skipped for a reason the kit gave: not applicable, not declared or untestable. */
    public boolean skipped() {
        return outcome == Outcome.NOT_APPLICABLE || outcome == Outcome.NOT_DECLARED || outcome == Outcome.UNTESTABLE;
    }

    @Override
    public String toString() {
        return outcome.label() + " " + name + (message == null ? "" : " :: " + message);
    }
}
