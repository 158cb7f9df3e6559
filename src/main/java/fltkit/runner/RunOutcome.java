package fltkit.runner;

import fltkit.report.ClosingLines;
import fltkit.report.ConformanceSummary;
import fltkit.report.ConformanceSummary.Headline;
import fltkit.rules.Outcome;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a run ends for a launcher: its exit code, the closing lines, and for each profile the reason the run
 * refuses a conformance claim (no verdict; with {@code fltkit.require-full}, an incomplete one). Exit codes
 * never lie: 0 only for a complete run in which nothing failed.
 */
public record RunOutcome(int exitCode, ConformanceSummary summary, List<String> lines, Map<String, String> refusals,
                         String error) {
    /** A complete run: nothing failed, broke or met a kit error, and every profile has a verdict. */
    public static final int CONFORMANT = 0;
    /** A rule failed, a scenario broke, a kit check was breached, or a full run was required and this one is not. */
    public static final int NOT_CONFORMANT = 1;
    /** The settings, the adapter or the reports folder are wrong. */
    public static final int USAGE = 2;
    /** The kit's own features or scenarios are wrong (convention breaches, a kit error): fix the kit. */
    public static final int KIT_ERROR = 3;
    /** Nothing failed, but there is no verdict: a profile in which no MUST rule could be exercised, or a PARTIAL run. */
    public static final int NO_VERDICT = 4;
    /** The JVM was made to exit during the run ({@link ExitGuard}). */
    public static final int CUT_SHORT = ExitGuard.CUT_SHORT;

    static RunOutcome of(ConformanceSummary summary, boolean requireFull) {
        Map<String, String> refusals = new LinkedHashMap<>();
        boolean failed = false;
        boolean kitError = false;
        for (String profile : summary.profiles()) {
            Headline headline = summary.headline().get(profile);
            failed |= headline.anythingFailed();
            kitError |= headline.count(Outcome.KIT_ERROR) > 0;
            if (headline.verdict().equals(ConformanceSummary.NO_VERDICT)) {
                refusals.put(profile, profile + ": NO VERDICT, " + headline.sentence() + ": " + why(profile, headline));
            } else if (requireFull && headline.verdict().equals(ConformanceSummary.INCOMPLETE)) {
                refusals.put(profile, profile + ": INCOMPLETE and " + RunSettings.REQUIRE_FULL + " is set: " + headline.sentence());
            } else if (summary.run().partial() && !headline.anythingFailed()) {
                // As the command line's exit 4: a run limited by tags or a launcher's filter claims nothing, so it cannot
                // pass a build either.
                refusals.put(profile, profile + ": PARTIAL, " + headline.sentence() + ": the run was limited ("
                        + summary.run().limitedBy() + "), so it establishes no conformance; run every scenario for a verdict");
            }
        }
        // A divergence exploration found is no rule's verdict, but it is something that failed.
        failed |= summary.explorationDivergences() > 0;
        int code = kitError ? KIT_ERROR
                : failed ? NOT_CONFORMANT
                : refusals.values().stream().anyMatch(r -> r.contains(": INCOMPLETE")) ? NOT_CONFORMANT
                : !refusals.isEmpty() || summary.run().partial() ? NO_VERDICT
                : CONFORMANT;
        return new RunOutcome(code, summary, ClosingLines.of(summary), refusals, null);
    }

    /** Why no MUST rule could be exercised, and what to do. */
    private static String why(String profile, Headline headline) {
        Map<String, Long> needs = headline.must().notExercisedByNeed();
        if (needs.containsKey("the profile")) {
            return "the implementation does not claim the " + profile + " profile; claim it in "
                    + "FilterManagerProvider.windowsVersions() (a process implementation: in 'profiles' of its hello answer), "
                    + "or run a profile it claims with --profile";
        }
        return "every scenario of them needs a capability the implementation does not declare (" + needs.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", ")) + "); implement those roles "
                + "(see the README's capability ladder)";
    }

    static RunOutcome misconfigured(String message) {
        return new RunOutcome(USAGE, null, List.of("fltkit: " + message), Map.of(), message);
    }

    Optional<String> refusal(String profile) {
        return Optional.ofNullable(refusals.get(profile));
    }
}
