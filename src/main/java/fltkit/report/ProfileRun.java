package fltkit.report;

import fltkit.rules.RuleEntry;

import java.util.List;

/** What one profile's run of the features told: the rules of the feature sources it read, and every scenario's end. */
public record ProfileRun(String profile, List<RuleEntry> rules, List<ScenarioRun> scenarios) {
    public ProfileRun {
        rules = List.copyOf(rules);
        scenarios = List.copyOf(scenarios);
    }
}
