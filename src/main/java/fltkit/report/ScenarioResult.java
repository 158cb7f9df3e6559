package fltkit.report;

import fltkit.rules.Outcome;
import fltkit.rules.Recorded;

import java.util.List;

/** One scenario's end in one profile, as the Cucumber messages tell it. */
public record ScenarioResult(String ruleId, String name, Outcome outcome, String message, List<Recorded> recorded) {
}
