package fltkit.report;

import fltkit.rules.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;


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
    /**
     * The largest summary merge reads, in bytes (a five-profile summary of the reference is about 1 MB): a file
     * far beyond it is not a summary the kit wrote, and reading it whole would take the memory it asks for.
     */
    public static final String MAX_BYTES_PROPERTY = "fltkit.merge.max-bytes";
    static final long DEFAULT_MAX_BYTES = 64L << 20;

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
        long maxBytes = Long.getLong(MAX_BYTES_PROPERTY, DEFAULT_MAX_BYTES);
        for (Path input : inputs) {
            try {
                long size = Files.size(input);
                if (size > maxBytes) {
                    System.err.println("fltkit merge: " + input + " is " + size + " bytes, more than the " + maxBytes
                            + " a conformance summary may have; name the conformance-summary.json a kit run wrote (or raise -D"
                            + MAX_BYTES_PROPERTY + ")");
                    return 2;
                }
                summaries.add(ConformanceSummary.read(input));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                String what = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines().findFirst().orElse("");
                String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")";
                System.err.println("fltkit merge: " + input + " is not a conformance summary: " + what + where
                        + "; name the conformance-summary.json a kit run wrote");
                return 2;
            } catch (IOException e) {
                System.err.println("fltkit merge: cannot read the summary " + input + ": " + e.getMessage());
                return 2;
            }
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

    /** Each summary's rules by ID, so a cell is one lookup, not a scan of every row. */
    private static List<Map<String, ConformanceSummary.RuleRow>> byId(List<ConformanceSummary> summaries) {
        List<Map<String, ConformanceSummary.RuleRow>> indexes = new ArrayList<>();
        for (ConformanceSummary summary : summaries) {
            Map<String, ConformanceSummary.RuleRow> index = new HashMap<>();
            summary.rules().forEach(r -> index.putIfAbsent(r.id(), r));
            indexes.add(index);
        }
        return indexes;
    }

    private static Outcome outcome(Map<String, ConformanceSummary.RuleRow> index, String ruleId, String profile) {
        ConformanceSummary.RuleRow row = index.get(ruleId);
        return row == null ? Outcome.NOT_COVERED : row.outcome(profile);
    }

    private static String name(ConformanceSummary summary) {
        return summary.run().implementation() + " " + summary.run().implementationVersion()
                + (summary.run().partial() ? " (PARTIAL)" : "");
    }

    /** Each profile's verdict word, e.g. "win10 CONFORMS, win11 INCOMPLETE". */
    private static String verdicts(ConformanceSummary summary) {
        return summary.profiles().stream().map(p -> p + " " + summary.headline().get(p).verdict()).collect(Collectors.joining(", "));
    }

    static String markdown(List<ConformanceSummary> summaries) {
        List<Map<String, ConformanceSummary.RuleRow>> indexes = byId(summaries);
        StringBuilder md = new StringBuilder("# Conformance matrix (kit ").append(summaries.get(0).run().kitVersion()).append(")\n\n");
        md.append("| Rule | Level |");
        summaries.forEach(s -> s.profiles().forEach(p -> md.append(' ').append(cell(name(s))).append(" · ").append(p).append(" |")));
        md.append("\n|---|---|");
        summaries.forEach(s -> s.profiles().forEach(p -> md.append("---|")));
        md.append('\n');
        for (ConformanceSummary.RuleRow rule : rules(summaries).values()) {
            md.append("| ").append(rule.id()).append(' ').append(cell(rule.title())).append(" | ").append(rule.level()).append(" |");
            for (int i = 0; i < summaries.size(); i++) {
                Map<String, ConformanceSummary.RuleRow> index = indexes.get(i);
                summaries.get(i).profiles().forEach(p -> md.append(' ').append(outcome(index, rule.id(), p).label()).append(" |"));
            }
            md.append('\n');
        }
        md.append("\nMUST verdicts: ");
        md.append(summaries.stream().map(s -> cell(name(s)) + ": " + verdicts(s)).collect(Collectors.joining("; "))).append('\n');
        return md.toString();
    }

    /** Text safe inside a Markdown table cell: no column breaks, no raw HTML. */
    private static String cell(String text) {
        return Html.esc(text).replace("|", "/").replace("\n", " ");
    }

    static String html(List<ConformanceSummary> summaries) {
        List<Map<String, ConformanceSummary.RuleRow>> indexes = byId(summaries);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("style", Templates.style());
        view.put("kitVersion", summaries.get(0).run().kitVersion());
        view.put("implementationCount", summaries.size());
        view.put("partial", summaries.stream().anyMatch(s -> s.run().partial()));
        view.put("implementations", summaries.stream().map(s -> Map.of("name", name(s), "span", s.profiles().size(),
                "verdicts", verdicts(s))).collect(Collectors.toList()));
        List<String> columns = new ArrayList<>();
        summaries.forEach(s -> columns.addAll(s.profiles()));
        view.put("columns", columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConformanceSummary.RuleRow rule : rules(summaries).values()) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int i = 0; i < summaries.size(); i++) {
                Map<String, ConformanceSummary.RuleRow> index = indexes.get(i);
                summaries.get(i).profiles().forEach(p -> cells.add(Map.of("badge", Html.badge(outcome(index, rule.id(), p)))));
            }
            rows.add(Map.of("id", rule.id(), "title", rule.title(), "level", rule.level(), "cells", cells));
        }
        view.put("rules", rows);
        view.put("legend", SummaryPage.legend());
        return Templates.render("matrix.mustache", view);
    }
}
