package fltkit.selftest;

import fltkit.rules.RuleId;

/** How one scenario ended in a self-test run. */
public record ScenarioOutcome(String name, Status status, String message, Throwable error) {

    public enum Status { PASSED, FAILED, BROKEN, SKIPPED }

    public String ruleId() {
        return RuleId.at(name).orElse(name);
    }

    @Override
    public String toString() {
        return status + " " + name + (message == null ? "" : " :: " + message);
    }
}
