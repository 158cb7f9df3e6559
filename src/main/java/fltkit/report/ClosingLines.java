package fltkit.report;

import fltkit.report.ConformanceSummary.Headline;
import fltkit.report.ConformanceSummary.Problem;
import fltkit.rules.Outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The lines a run ends with, on the command line and in the Maven log alike: one per profile (the verdict,
 * the failing rules, the scenario counts in the form JUnit counts them, the kit checks), then the first root
 * causes. Built from the summary, so they say what the pages say.
 */
public final class ClosingLines {
    /** How many root causes the closing lines show (the summary page has them all). */
    static final int CAUSES_SHOWN = 5;

    private ClosingLines() {
    }

    public static List<String> of(ConformanceSummary summary) {
        List<String> lines = new ArrayList<>();
        String mark = summary.run().partial() ? " [PARTIAL: " + summary.run().limitedBy() + "]" : "";
        for (String profile : summary.profiles()) {
            lines.add("fltkit: " + line(profile, summary.headline().get(profile)) + mark);
        }
        for (ExplorationSummary explored : summary.exploration()) {
            lines.add("fltkit: exploration of " + explored.profile() + " (seed " + explored.seed() + "): " + explored.sequences()
                    + " sequences, " + explored.calls() + " calls, " + explored.divergences().size()
                    + (explored.divergences().size() == 1 ? " divergence" : " divergences")
                    + (explored.divergences().isEmpty() ? "" : " (" + explored.divergences().stream().map(ExplorationSummary.Found::rule)
                    .collect(java.util.stream.Collectors.joining(", ")) + "; the shrunk scenarios are in conformance-summary.html)"));
        }
        List<Problem> problems = summary.problems();
        if (!problems.isEmpty()) {
            lines.add("fltkit: root causes, first to fix first (" + Math.min(CAUSES_SHOWN, problems.size()) + " of "
                    + problems.size() + "; all in conformance-summary.html):");
            for (Problem problem : problems.subList(0, Math.min(CAUSES_SHOWN, problems.size()))) {
                lines.add("fltkit:   " + problem.rule() + " " + problem.outcome().label() + " in " + problem.scenarios()
                        + (problem.scenarios() == 1 ? " scenario" : " scenarios") + " (" + String.join(", ", problem.profiles())
                        + "): " + abbreviate(problem.message()));
            }
        }
        return lines;
    }

    /** One profile's closing line, e.g. {@code win11: CONFORMS, 88 / 88 applicable MUST rules exercised and held; ...}. */
    static String line(String profile, Headline headline) {
        StringBuilder line = new StringBuilder(profile).append(": ").append(headline.verdict()).append(", ").append(headline.sentence());
        if (!headline.failingRules().isEmpty()) {
            line.append(" (").append(String.join(", ", headline.failingRules())).append(')');
        }
        long skipped = headline.count(Outcome.NOT_APPLICABLE) + headline.count(Outcome.NOT_DECLARED) + headline.count(Outcome.UNTESTABLE);
        line.append("; ").append(headline.totalScenarios()).append(" scenarios: ")
                .append(headline.count(Outcome.PASSED)).append(" passed, ")
                .append(headline.count(Outcome.RECORDED)).append(" recorded, ")
                .append(headline.count(Outcome.FAILED)).append(" failed, ")
                .append(headline.count(Outcome.BROKEN)).append(" broken, ");
        if (headline.count(Outcome.KIT_ERROR) > 0) {
            line.append(headline.count(Outcome.KIT_ERROR)).append(" kit errors, ");
        }
        line.append(skipped).append(" skipped (").append(headline.count(Outcome.NOT_APPLICABLE)).append(" not applicable, ")
                .append(headline.count(Outcome.NOT_DECLARED)).append(" not declared, ")
                .append(headline.count(Outcome.UNTESTABLE)).append(" untestable)");
        for (Map.Entry<String, Long> check : headline.kitCheckBreaches().entrySet()) {
            line.append("; ").append(check.getKey()).append(check.getValue() == 0 ? " held"
                    : " breached after " + check.getValue() + (check.getValue() == 1 ? " scenario" : " scenarios"));
        }
        return line.toString();
    }

    private static String abbreviate(String message) {
        String oneLine = message.replace('\n', ' ');
        return oneLine.length() > 220 ? oneLine.substring(0, 220) + "…" : oneLine;
    }
}
