package fltkit.selftest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How one scenario ended in a self-test run. */
public record ScenarioOutcome(String name, Status status, String message, Throwable error) {
    private static final Pattern RULE_ID = Pattern.compile("^([A-Z]+(?:-[A-Z]+)*-\\d{2,3}[a-z]?)\\b");

    public enum Status { PASSED, FAILED, BROKEN, SKIPPED }

    public String ruleId() {
        Matcher matcher = RULE_ID.matcher(name);
        return matcher.find() ? matcher.group(1) : name;
    }

    @Override
    public String toString() {
        return status + " " + name + (message == null ? "" : " :: " + message);
    }
}
