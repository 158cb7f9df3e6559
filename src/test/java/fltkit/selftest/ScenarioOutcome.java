package fltkit.selftest;

import fltkit.rules.RuleId;

/** How one scenario ended in a self-test run. */
public record ScenarioOutcome(String name, Status status, String message, Throwable error, String kitCheck) {

    public ScenarioOutcome(String name, Status status, String message, Throwable error) {
        this(name, status, message, error, null);
    }

    /** The same outcome, with the kit check's breach found after the scenario. */
    public ScenarioOutcome withKitCheck(String finding) {
        return new ScenarioOutcome(name, status, message, error, finding);
    }

    public enum Status { PASSED, FAILED, BROKEN, SKIPPED }

    public String ruleId() {
        return RuleId.at(name).orElse(name);
    }

    @Override
    public String toString() {
        return status + " " + name + (message == null ? "" : " :: " + message);
    }
}
