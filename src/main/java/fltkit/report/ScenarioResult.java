package fltkit.report;

import java.util.List;

/** One scenario's end in one profile, as the Cucumber messages tell it. */
public record ScenarioResult(String ruleId, String name, Outcome outcome, String message, List<Recorded> recorded) {

    /** An implementation-defined value the kit recorded. */
    public record Recorded(String what, String value) {
    }
}
