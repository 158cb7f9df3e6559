package fltkit.report;

import fltkit.report.ConformanceSummary.Coverage;
import fltkit.report.ConformanceSummary.Headline;
import fltkit.report.ConformanceSummary.KitCheckResult;
import fltkit.report.ConformanceSummary.KitCheckRow;
import fltkit.report.ConformanceSummary.Problem;
import fltkit.report.ConformanceSummary.RuleRow;
import fltkit.rules.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The conformance summary as one self-contained page ({@code summary.mustache}): the verdict per profile
 * first, with how much of the applicable MUST rules was exercised; then the root causes grouped; the kit's
 * own checks; every rule with its outcome per profile; the other levels; the recorded values side by side;
 * and the legend. This class only shapes the summary into the template's view.
 */
public final class SummaryPage {
    private SummaryPage() {
    }

    public static String render(ConformanceSummary summary) {
        Map<String, Object> view = new LinkedHashMap<>();
        RunInfo run = summary.run();
        view.put("run", run);
        view.put("finished", run.finished());
        view.put("style", Templates.style());
        view.put("profiles", summary.profiles());
        view.put("profileList", String.join(", ", summary.profiles()));
        view.put("finishedAt", readable(run.finishedAt()));
        view.put("capabilities", String.join(", ", run.capabilities()));
        view.put("cards", summary.profiles().stream().map(p -> card(p, summary.headline().get(p))).collect(Collectors.toList()));
        List<Map<String, Object>> problems = summary.problems().stream().map(SummaryPage::problem).collect(Collectors.toList());
        view.put("problems", problems);
        view.put("hasProblems", !problems.isEmpty());
        view.put("problemGroups", problems.size());
        view.put("problemScenarios", summary.problems().stream().mapToLong(Problem::scenarios).sum());
        view.put("kitChecks", summary.kitChecks().stream().map(c -> kitCheck(c, summary.profiles())).collect(Collectors.toList()));
        view.put("ruleCount", summary.rules().size());
        view.put("areas", areas(summary));
        view.put("otherLevels", otherLevels(summary));
        List<Map<String, Object>> recorded = recorded(summary);
        view.put("recorded", recorded);
        view.put("hasRecorded", !recorded.isEmpty());
        view.put("recordedCount", recorded.size());
        view.put("hasExploration", !summary.exploration().isEmpty());
        view.put("exploration", summary.exploration().stream().map(e -> Map.of("profile", e.profile(), "sequences", e.sequences(),
                "calls", e.calls(), "seed", e.seed(), "time", String.format(java.util.Locale.ROOT, "%.1f s", e.seconds()),
                "divergenceCount", e.divergences().size() + (e.divergences().size() == 1 ? " divergence" : " divergences"),
                "divergences", e.divergences())).collect(Collectors.toList()));
        view.put("legend", legend());
        return Templates.render("summary.mustache", view);
    }

    private static Map<String, Object> card(String profile, Headline headline) {
        Coverage coverage = headline.must();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("profile", profile);
        card.put("css", switch (headline.verdict()) {
            case ConformanceSummary.CONFORMS -> "ok";
            case ConformanceSummary.DOES_NOT_CONFORM -> "nok";
            case ConformanceSummary.NO_VERDICT -> "noverdict";
            default -> "incomplete";
        });
        card.put("big", coverage.held() + " / " + coverage.applicable());
        card.put("sentence", headline.sentence());
        card.put("verdict", headline.verdict());
        card.put("coverage", coverage);
        card.put("failingRules", nullIfEmpty(String.join(", ", headline.failingRules())));
        long couldNotJudge = coverage.broken() + coverage.kitErrors();
        card.put("couldNotJudge", couldNotJudge == 0 ? null : couldNotJudge + (couldNotJudge == 1 ? " rule" : " rules"));
        card.put("notExercised", nullIfEmpty(String.join(", ", coverage.notExercised())));
        card.put("needs", nullIfEmpty(coverage.notExercisedByNeed().entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "))));
        card.put("breaches", headline.kitCheckBreaches().entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> Map.of("text", e.getKey() + " breached after " + e.getValue() + (e.getValue() == 1 ? " scenario" : " scenarios")))
                .collect(Collectors.toList()));
        card.put("total", headline.totalScenarios());
        card.put("scenarioCounts", counts(headline.scenarios()));
        card.put("notApplicable", headline.count(Outcome.NOT_APPLICABLE));
        return card;
    }

    private static Map<String, Object> problem(Problem problem) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("rule", problem.rule());
        row.put("badge", Html.badge(problem.outcome()));
        row.put("scenarios", problem.scenarios() + (problem.scenarios() == 1 ? " scenario" : " scenarios"));
        row.put("profiles", String.join(", ", problem.profiles()));
        row.put("message", problem.message());
        row.put("examples", "e.g. " + String.join("; ", problem.examples()));
        return row;
    }

    private static Map<String, Object> kitCheck(KitCheckRow check, List<String> profiles) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String profile : profiles) {
            KitCheckResult result = check.profiles().get(profile);
            String text = result == null ? "" : result.breaches().isEmpty() ? "held after " + result.ran() + " scenarios"
                    : "breached after " + result.breaches().size() + " of " + result.ran() + " scenarios";
            cells.add(Map.of("text", text));
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", check.id());
        row.put("title", check.title());
        row.put("description", check.description());
        row.put("cells", cells);
        return row;
    }

    private static List<Map<String, Object>> areas(ConformanceSummary summary) {
        Map<String, List<Map<String, Object>>> byArea = new LinkedHashMap<>();
        for (RuleRow rule : summary.rules()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rule.id());
            row.put("level", rule.level());
            row.put("windows", rule.windows());
            row.put("title", rule.title());
            row.put("notes", nullIfEmpty(rule.notes()));
            row.put("source", rule.source());
            row.put("cells", summary.profiles().stream().map(p -> Map.of("badge", Html.badge(rule.outcome(p))))
                    .collect(Collectors.toList()));
            byArea.computeIfAbsent(rule.area() + " · " + rule.feature(), k -> new ArrayList<>()).add(row);
        }
        List<Map<String, Object>> areas = new ArrayList<>();
        byArea.forEach((name, rules) -> areas.add(Map.of("name", name, "rules", rules)));
        return areas;
    }

    private static List<Map<String, Object>> otherLevels(ConformanceSummary summary) {
        List<String> levels = new ArrayList<>();
        summary.headline().values().forEach(h -> h.otherLevels().keySet().forEach(l -> {
            if (!levels.contains(l)) {
                levels.add(l);
            }
        }));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String level : levels) {
            List<String> cells = summary.profiles().stream()
                    .map(p -> counts(summary.headline().get(p).otherLevels().getOrDefault(level, Map.of())))
                    .collect(Collectors.toList());
            rows.add(Map.of("level", level, "cells", cells));
        }
        return rows;
    }

    private static List<Map<String, Object>> recorded(ConformanceSummary summary) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        Map<String, String[]> labels = new LinkedHashMap<>();
        for (RuleRow rule : summary.rules()) {
            rule.profiles().forEach((profile, verdict) -> verdict.scenarios().forEach(s -> s.recorded().forEach(r -> {
                String key = rule.id() + "\u0000" + s.name() + "\u0000" + r.what();
                labels.putIfAbsent(key, new String[] {rule.id(), s.name(), r.what()});
                values.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(profile, r.value(), (a, b) -> a + "; " + b);
            })));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        values.forEach((key, perProfile) -> {
            String[] label = labels.get(key);
            rows.add(Map.of("rule", label[0], "scenario", label[1], "what", label[2],
                    "cells", summary.profiles().stream().map(p -> perProfile.getOrDefault(p, "")).collect(Collectors.toList())));
        });
        return rows;
    }

    static List<Map<String, Object>> legend() {
        List<Map<String, Object>> legend = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            legend.add(Map.of("badge", Html.badge(outcome), "meaning", outcome.meaning()));
        }
        return legend;
    }

    private static String readable(String instant) {
        return instant.length() >= 16 && instant.charAt(10) == 'T' ? instant.substring(0, 10) + " " + instant.substring(11, 16) + " UTC" : instant;
    }

    private static String nullIfEmpty(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String counts(Map<Outcome, Long> counts) {
        List<String> parts = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            long n = counts.getOrDefault(outcome, 0L);
            if (n > 0) {
                parts.add(n + " " + outcome.label());
            }
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
