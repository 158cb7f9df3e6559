package fltkit.report;

import fltkit.rules.Outcome;
import fltkit.rules.Recorded;

import java.util.List;

/**
 * How one scenario ended in one profile: its documented rule's outcome, with the failure or skip message,
 * the values it recorded, and the result of the kit's check after it (null when the check found nothing).
 *
 * @param ruleId   the rule ID the scenario's name starts with
 * @param name     the scenario's name (an outline row: with its values)
 * @param feature  the feature file's name, e.g. FltAllocateContext.feature
 * @param line     the scenario's (or example row's) line in the feature file
 * @param outcome  the documented rule's outcome in this scenario
 * @param message  the failure, broken or skip message; null when it passed
 * @param recorded implementation-defined values the scenario recorded
 * @param kitCheck the breach the kit's check after the scenario found, or null
 * @param calls    how many calls the scenario made into the implementation (-1 when unknown): the fewer, the closer a
 *                 failure is to its root cause
 */
public record ScenarioRun(String ruleId, String name, String feature, int line, Outcome outcome, String message,
                          List<Recorded> recorded, KitFinding kitCheck, int calls) {

    /** A kit check's breach after a scenario: which check, and what it found. */
    public record KitFinding(String check, String message) {
    }

    public ScenarioRun {
        recorded = List.copyOf(recorded);
    }
}
