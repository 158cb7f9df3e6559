package fltkit.runner;

import fltkit.report.ClosingLines;
import fltkit.report.ConformanceSummary;
import fltkit.report.ConformanceSummary.Headline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a run ends for a launcher: its exit code, the closing lines, and for each profile the reason the run
 * refuses a conformance claim (a profile with no verdict; with {@code fltkit.require-full}, an incomplete one).
 */
public record RunOutcome(int exitCode, ConformanceSummary summary, List<String> lines, Map<String, String> refusals,
                         String error) {
    /** Every applicable scenario of a complete run passed or was recorded, and nothing else went wrong. */
    public static final int CONFORMANT = 0;
    /** A rule failed, a scenario broke, a kit check was breached, or a profile has no (full) verdict. */
    public static final int NOT_CONFORMANT = 1;
    /** The settings or the adapter are wrong. */
    public static final int USAGE = 2;
    /** The kit's own features or scenarios are wrong (a kit error): fix the kit. */
    public static final int KIT_ERROR = 3;

    static RunOutcome of(ConformanceSummary summary, boolean requireFull) {
        Map<String, String> refusals = new LinkedHashMap<>();
        boolean failed = false;
        boolean kitError = false;
        for (String profile : summary.profiles()) {
            Headline headline = summary.headline().get(profile);
            failed |= headline.anythingFailed();
            kitError |= headline.must().kitErrors() > 0 || headline.count(fltkit.rules.Outcome.KIT_ERROR) > 0;
            if (headline.verdict().equals(ConformanceSummary.NO_VERDICT)) {
                refusals.put(profile, profile + ": NO VERDICT: " + headline.sentence() + " (not claimed or not declared; see "
                        + "the summary's 'not exercised' list)");
            } else if (requireFull && headline.verdict().equals(ConformanceSummary.INCOMPLETE)) {
                refusals.put(profile, profile + ": INCOMPLETE and fltkit.require-full is set: " + headline.sentence());
            }
        }
        int code = kitError ? KIT_ERROR : failed || !refusals.isEmpty() ? NOT_CONFORMANT : CONFORMANT;
        return new RunOutcome(code, summary, ClosingLines.of(summary), refusals, null);
    }

    static RunOutcome misconfigured(String message) {
        return new RunOutcome(USAGE, null, List.of("fltkit: " + message), Map.of(), message);
    }

    Optional<String> refusal(String profile) {
        return Optional.ofNullable(refusals.get(profile));
    }
}
