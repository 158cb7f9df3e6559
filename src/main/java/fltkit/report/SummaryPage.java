package fltkit.report;

import fltkit.rules.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static fltkit.report.Html.badge;
import static fltkit.report.Html.esc;

/**
 * The conformance summary as one self-contained page: the verdict per profile first (MUST rules only),
 * then what failed, then every rule with its outcome per profile, the recorded implementation-defined
 * values side by side, and the legend.
 */
public final class SummaryPage {
    static final String CONFORMS = "CONFORMS";
    static final String DOES_NOT_CONFORM = "DOES NOT CONFORM";

    private SummaryPage() {
    }

    public static String render(ConformanceSummary summary) {
        RunInfo run = summary.run();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">").append(Html.POLICY)
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Conformance summary: ").append(esc(run.implementation())).append("</title>")
                .append("<style>").append(Html.STYLE).append("</style></head><body><main>");
        html.append("<h1>Filter Manager context conformance: ").append(esc(run.implementation())).append(' ')
                .append(esc(run.implementationVersion())).append("</h1>");
        html.append("<p class=\"sub\">Kit ").append(esc(run.kitVersion())).append(" (").append(esc(run.kitCommit()))
                .append(") · Windows profiles: ").append(esc(String.join(", ", summary.profiles())))
                .append(" · finished ").append(esc(readable(run.finishedAt()))).append("</p>");
        if (!run.finished()) {
            html.append("<div class=\"partial\" id=\"incomplete\">INCOMPLETE RUN: ").append(esc(run.incomplete()))
                    .append(". Only what was written before is shown; this is not a verdict.</div>");
        }
        if (run.partial()) {
            html.append("<div class=\"partial\" id=\"partial\">PARTIAL RUN: only scenarios matching ")
                    .append(esc(run.tagFilter())).append(" ran. This is not a conformance verdict.</div>");
        }
        verdicts(summary, html);
        problems(summary, html);
        rules(summary, html);
        otherLevels(summary, html);
        recorded(summary, html);
        legend(html);
        html.append("<footer>Declared capabilities: ").append(esc(String.join(", ", run.capabilities())))
                .append("<br>Vendor: ").append(esc(run.vendor())).append(" · JDK: ").append(esc(run.jdk()))
                .append(" · OS: ").append(esc(run.os()))
                .append("<br>Generated from the run's Cucumber messages (reports/&lt;profile&gt;/cucumber-messages.ndjson).")
                .append("</footer></main></body></html>\n");
        return html.toString();
    }

    private static void verdicts(ConformanceSummary summary, StringBuilder html) {
        html.append("<h2>Verdict per Windows profile (documented MUST rules)</h2><div class=\"cards\">");
        for (String profile : summary.profiles()) {
            ConformanceSummary.Headline headline = summary.headline().get(profile);
            Map<Outcome, Long> must = headline.mustRules();
            long applicable = count(must, Outcome.PASSED) + count(must, Outcome.RECORDED) + count(must, Outcome.FAILED)
                    + count(must, Outcome.BROKEN);
            long held = count(must, Outcome.PASSED) + count(must, Outcome.RECORDED);
            String verdict = verdict(summary, profile);
            html.append("<div class=\"card ").append(verdict.equals(CONFORMS) ? "ok" : verdict.startsWith("NO VERDICT") ? "none" : "nok")
                    .append("\" id=\"card-").append(esc(profile)).append("\"><h3>").append(esc(profile)).append("</h3>")
                    .append("<div class=\"big\">").append(held).append(" / ").append(applicable).append("</div>")
                    .append("<div>applicable MUST rules hold</div><div class=\"verdict\">")
                    .append(verdict).append("</div><ul>");
            for (Outcome outcome : Outcome.values()) {
                if (count(must, outcome) > 0 && outcome != Outcome.PASSED) {
                    html.append("<li>").append(count(must, outcome)).append(count(must, outcome) == 1 ? " rule " : " rules ")
                            .append(outcome.label()).append("</li>");
                }
            }
            html.append("</ul><p id=\"total-").append(esc(profile)).append("\">Scenarios: ").append(headline.totalScenarios())
                    .append(" (").append(counts(headline.scenarios())).append(")</p>")
                    .append("<p id=\"na-").append(esc(profile)).append("\">Not applicable scenarios: ")
                    .append(count(headline.scenarios(), Outcome.NOT_APPLICABLE)).append("</p></div>");
        }
        html.append("</div>");
    }

    /**
     * CONFORMS only for a finished run in which applicable MUST rules were exercised and every one held;
     * a run that exercised none, or did not finish, has no verdict.
     */
    static String verdict(ConformanceSummary summary, String profile) {
        ConformanceSummary.Headline headline = summary.headline().get(profile);
        Map<Outcome, Long> must = headline.mustRules();
        if (!summary.run().finished()) {
            return "NO VERDICT: the run did not finish";
        }
        if (count(must, Outcome.PASSED) + count(must, Outcome.RECORDED) + count(must, Outcome.FAILED) + count(must, Outcome.BROKEN) == 0) {
            return "NO VERDICT: no applicable MUST rule ran";
        }
        return headline.conformant() ? CONFORMS : DOES_NOT_CONFORM;
    }

    /** Failures and errors, one row per rule, scenario and message, with the profiles it happened in. */
    private static void problems(ConformanceSummary summary, StringBuilder html) {
        Map<String, List<String>> profiles = new LinkedHashMap<>();
        Map<String, String> rows = new LinkedHashMap<>();
        for (ConformanceSummary.RuleRow rule : summary.rules()) {
            rule.profiles().forEach((profile, verdict) -> verdict.scenarios().stream()
                    .filter(s -> s.outcome() == Outcome.FAILED || s.outcome() == Outcome.BROKEN)
                    .forEach(s -> {
                        String key = rule.id() + "\u0000" + s.name() + "\u0000" + s.outcome() + "\u0000" + s.message();
                        profiles.computeIfAbsent(key, k -> new ArrayList<>()).add(profile);
                        rows.putIfAbsent(key, "</td><td>" + badge(s.outcome()) + "</td><td>" + esc(s.name())
                                + "<div class=\"msg\">" + esc(s.message()) + "</div></td></tr>");
                    }));
        }
        long count = profiles.values().stream().mapToLong(List::size).sum();
        html.append("<h2 id=\"problems\">Non-conformances and errors (").append(count).append(")</h2>");
        if (rows.isEmpty()) {
            html.append("<p>None: every applicable scenario passed or was recorded.</p>");
            return;
        }
        html.append("<table><tr><th>Rule</th><th>Profiles</th><th>Outcome</th><th>Scenario and message</th></tr>");
        rows.forEach((key, row) -> html.append("<tr><td class=\"id\">").append(esc(key.substring(0, key.indexOf('\u0000'))))
                .append("</td><td>").append(esc(String.join(", ", profiles.get(key)))).append(row));
        html.append("</table>");
    }

    private static void rules(ConformanceSummary summary, StringBuilder html) {
        html.append("<h2 id=\"rules\">Rules (").append(summary.rules().size()).append(")</h2>");
        Map<String, List<ConformanceSummary.RuleRow>> byArea = new LinkedHashMap<>();
        summary.rules().forEach(r -> byArea.computeIfAbsent(r.area() + " · " + r.feature(), k -> new ArrayList<>()).add(r));
        for (Map.Entry<String, List<ConformanceSummary.RuleRow>> area : byArea.entrySet()) {
            html.append("<h3>").append(esc(area.getKey())).append("</h3><table><tr><th>ID, level, Windows</th><th>Rule</th>")
                    .append("<th>Source</th>");
            summary.profiles().forEach(p -> html.append("<th>").append(esc(p)).append("</th>"));
            html.append("</tr>");
            for (ConformanceSummary.RuleRow rule : area.getValue()) {
                html.append("<tr id=\"rule-").append(esc(rule.id())).append("\"><td class=\"id\">").append(esc(rule.id()))
                        .append("<div class=\"lvl\">").append(esc(rule.level())).append(rule.kitCheck() ? " (kit check)" : "")
                        .append("<br>Windows ").append(esc(rule.windows())).append("</div></td><td>").append(esc(rule.title()));
                if (!rule.notes().isBlank()) {
                    html.append("<div class=\"notes\">").append(esc(rule.notes())).append("</div>");
                }
                html.append("</td><td class=\"src\">").append(esc(rule.source())).append("</td>");
                for (String profile : summary.profiles()) {
                    html.append("<td>").append(badge(rule.outcome(profile))).append("</td>");
                }
                html.append("</tr>");
            }
            html.append("</table>");
        }
    }

    private static void otherLevels(ConformanceSummary summary, StringBuilder html) {
        html.append("<h2>Other levels and kit checks (not part of the verdict)</h2><table><tr><th>Level</th>");
        summary.profiles().forEach(p -> html.append("<th>").append(esc(p)).append("</th>"));
        html.append("</tr>");
        List<String> levels = new ArrayList<>();
        summary.headline().values().forEach(h -> h.otherLevels().keySet().forEach(l -> {
            if (!levels.contains(l)) {
                levels.add(l);
            }
        }));
        for (String level : levels) {
            html.append("<tr><td>").append(esc(level)).append("</td>");
            for (String profile : summary.profiles()) {
                html.append("<td>").append(counts(summary.headline().get(profile).otherLevels().getOrDefault(level, Map.of())))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("<tr><td>KIT- checks (beyond the documents)</td>");
        summary.profiles().forEach(p -> html.append("<td>").append(counts(summary.headline().get(p).kitChecks())).append("</td>"));
        html.append("</tr></table>");
    }

    private static void recorded(ConformanceSummary summary, StringBuilder html) {
        // rule + what -> profile -> value
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (ConformanceSummary.RuleRow rule : summary.rules()) {
            rule.profiles().forEach((profile, verdict) -> verdict.scenarios().forEach(s -> s.recorded().forEach(r ->
                    values.computeIfAbsent(rule.id() + "\u0000" + s.name() + "\u0000" + r.what(), k -> new LinkedHashMap<>())
                            .merge(profile, r.value(), (a, b) -> a + "; " + b))));
        }
        html.append("<h2 id=\"recorded\">Recorded implementation-defined behaviour (").append(values.size()).append(")</h2>");
        if (values.isEmpty()) {
            html.append("<p>No scenario recorded an implementation-defined value in this run.</p>");
            return;
        }
        html.append("<p>Values the implementation chose where the documents leave the choice open (and values MUST "
                + "scenarios noted on the way). Shown, never judged; a blank cell means nothing was recorded in that profile "
                + "(the scenario did not apply or did not run).</p>");
        html.append("<table class=\"fixed\"><tr><th style=\"width:90px\">Rule</th><th style=\"width:280px\">Scenario: what was recorded</th>");
        summary.profiles().forEach(p -> html.append("<th>").append(esc(p)).append("</th>"));
        html.append("</tr>");
        values.forEach((key, perProfile) -> {
            String[] parts = key.split("\u0000", 3);
            html.append("<tr><td class=\"id\">").append(esc(parts[0])).append("</td><td>").append(esc(parts[1]))
                    .append(":<br><b>").append(esc(parts[2])).append("</b></td>");
            summary.profiles().forEach(p -> html.append("<td class=\"msg rec\">")
                    .append(esc(perProfile.getOrDefault(p, ""))).append("</td>"));
            html.append("</tr>");
        });
        html.append("</table>");
    }

    static void legend(StringBuilder html) {
        html.append("<h2 id=\"legend\">Outcomes</h2><dl class=\"legend\">");
        for (Outcome outcome : Outcome.values()) {
            html.append("<dt>").append(badge(outcome)).append("</dt><dd>").append(esc(outcome.meaning())).append("</dd>");
        }
        html.append("</dl>");
    }

    private static String readable(String instant) {
        return instant.length() >= 16 && instant.charAt(10) == 'T' ? instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC" : instant;
    }

    static long count(Map<Outcome, Long> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0L);
    }

    static String counts(Map<Outcome, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            if (count(counts, outcome) > 0) {
                parts.add(count(counts, outcome) + " " + outcome.label());
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
