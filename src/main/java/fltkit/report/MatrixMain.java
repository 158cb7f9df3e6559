package fltkit.report;

import fltkit.rules.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fltkit.report.Html.badge;
import static fltkit.report.Html.esc;

/**
 * Merges the conformance summaries of several implementations, run with the same kit version, into
 * one matrix: a row per rule, a column per implementation and Windows profile. Writes
 * {@code conformance-matrix.html} and {@code conformance-matrix.md}.
 *
 * <pre>MatrixMain [--out DIR] summary.json summary.json ...</pre>
 * Exit 0 when written, 2 on bad input (among them summaries from different kit versions).
 */
public final class MatrixMain {
    public static final String HTML = "conformance-matrix.html";
    public static final String MARKDOWN = "conformance-matrix.md";

    private MatrixMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String[] args) {
        Path out = Path.of("reports");
        List<Path> inputs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].startsWith("--")) {
                System.err.println("fltkit merge: unknown option '" + args[i] + "'; usage: [--out DIR] summary.json...");
                return 2;
            } else {
                inputs.add(Path.of(args[i]));
            }
        }
        if (inputs.isEmpty()) {
            System.err.println("fltkit merge: name at least one conformance-summary.json; usage: [--out DIR] summary.json...");
            return 2;
        }
        List<ConformanceSummary> summaries = new ArrayList<>();
        try {
            for (Path input : inputs) {
                summaries.add(ConformanceSummary.read(input));
            }
        } catch (IOException e) {
            System.err.println("fltkit merge: cannot read a summary: " + e.getMessage());
            return 2;
        }
        for (int i = 0; i < summaries.size(); i++) {
            if (!summaries.get(i).run().finished()) {
                System.err.println("fltkit merge: " + inputs.get(i) + " is the summary of a run that did not finish ("
                        + summaries.get(i).run().incomplete() + "); it has no verdict to compare: rerun that implementation");
                return 2;
            }
        }
        String kit = summaries.get(0).run().kitVersion();
        for (int i = 1; i < summaries.size(); i++) {
            String other = summaries.get(i).run().kitVersion();
            if (!other.equals(kit)) {
                System.err.println("fltkit merge: " + inputs.get(i) + " was made by kit version " + other + ", but "
                        + inputs.get(0) + " by kit version " + kit + "; rules and their IDs may differ between kit "
                        + "versions, so only summaries of the same kit version are merged. Rerun both with one kit.");
                return 2;
            }
            String commit = summaries.get(i).run().kitCommit();
            if (!commit.equals(summaries.get(0).run().kitCommit())) {
                System.err.println("fltkit merge: note: kit commits differ (" + summaries.get(0).run().kitCommit()
                        + " and " + commit + ") for version " + kit);
            }
        }
        try {
            Files.createDirectories(out);
            AtomicFile.write(out.resolve(HTML), html(summaries).getBytes(StandardCharsets.UTF_8));
            AtomicFile.write(out.resolve(MARKDOWN), markdown(summaries).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.err.println("fltkit merge: cannot write the matrix in " + out + ": " + e.getMessage());
            return 2;
        }
        System.out.println("fltkit merge: " + summaries.size() + " summaries -> " + out.resolve(HTML) + ", " + out.resolve(MARKDOWN));
        return 0;
    }

    private static Map<String, ConformanceSummary.RuleRow> rules(List<ConformanceSummary> summaries) {
        Map<String, ConformanceSummary.RuleRow> rules = new LinkedHashMap<>();
        summaries.forEach(s -> s.rules().forEach(r -> rules.putIfAbsent(r.id(), r)));
        return rules;
    }

    private static Outcome outcome(ConformanceSummary summary, String ruleId, String profile) {
        return summary.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .map(r -> r.outcome(profile)).orElse(Outcome.NOT_COVERED);
    }

    private static String name(ConformanceSummary summary) {
        return summary.run().implementation() + " " + summary.run().implementationVersion()
                + (summary.run().partial() ? " (PARTIAL)" : "");
    }

    /** "conforms", "does NOT conform", or "no verdict" when a profile exercised no MUST rule. */
    private static String verdict(ConformanceSummary summary) {
        if (summary.conformant()) {
            return "conforms";
        }
        boolean failed = summary.profiles().stream().anyMatch(p -> SummaryPage.verdict(summary, p).equals(SummaryPage.DOES_NOT_CONFORM));
        return failed ? "does NOT conform" : "no verdict";
    }

    /** Text for a Markdown cell: markup a renderer would obey is escaped, and '|' would end the cell. */
    private static String cell(String text) {
        return esc(text).replace("|", "/");
    }

    static String markdown(List<ConformanceSummary> summaries) {
        StringBuilder md = new StringBuilder("# Conformance matrix (kit ").append(cell(summaries.get(0).run().kitVersion())).append(")\n\n");
        md.append("| Rule | Level |");
        summaries.forEach(s -> s.profiles().forEach(p -> md.append(' ').append(cell(name(s))).append(" · ").append(cell(p)).append(" |")));
        md.append("\n|---|---|");
        summaries.forEach(s -> s.profiles().forEach(p -> md.append("---|")));
        md.append('\n');
        for (ConformanceSummary.RuleRow rule : rules(summaries).values()) {
            md.append("| ").append(cell(rule.id())).append(' ').append(cell(rule.title())).append(" | ").append(cell(rule.level())).append(" |");
            summaries.forEach(s -> s.profiles().forEach(p -> md.append(' ').append(outcome(s, rule.id(), p).label()).append(" |")));
            md.append('\n');
        }
        md.append("\nMUST verdict: ");
        List<String> verdicts = new ArrayList<>();
        summaries.forEach(s -> verdicts.add(cell(name(s)) + " " + verdict(s)));
        md.append(String.join("; ", verdicts)).append('\n');
        return md.toString();
    }

    static String html(List<ConformanceSummary> summaries) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">").append(Html.POLICY)
                .append("<title>Conformance matrix</title><style>")
                .append(Html.STYLE).append("</style></head><body><main><h1>Conformance matrix</h1><p class=\"sub\">Kit ")
                .append(esc(summaries.get(0).run().kitVersion())).append(" · ").append(summaries.size()).append(" implementations</p>");
        if (summaries.stream().anyMatch(s -> s.run().partial())) {
            html.append("<div class=\"partial\">PARTIAL: at least one run did not run the canonical set of scenarios.</div>");
        }
        html.append("<table><tr><th rowspan=\"2\">Rule</th><th rowspan=\"2\">Level</th>");
        summaries.forEach(s -> html.append("<th colspan=\"").append(s.profiles().size()).append("\">").append(esc(name(s)))
                .append("<br>").append(verdict(s)).append(" (MUST)</th>"));
        html.append("</tr><tr>");
        summaries.forEach(s -> s.profiles().forEach(p -> html.append("<th>").append(esc(p)).append("</th>")));
        html.append("</tr>");
        for (ConformanceSummary.RuleRow rule : rules(summaries).values()) {
            html.append("<tr><td><span class=\"id\"><b>").append(esc(rule.id())).append("</b></span> ").append(esc(rule.title()))
                    .append("</td><td>").append(esc(rule.level())).append("</td>");
            summaries.forEach(s -> s.profiles().forEach(p -> html.append("<td>").append(badge(outcome(s, rule.id(), p))).append("</td>")));
            html.append("</tr>");
        }
        html.append("</table>");
        StringBuilder legend = new StringBuilder();
        SummaryPage.legend(legend);
        html.append(legend).append("</main></body></html>\n");
        return html.toString();
    }
}
