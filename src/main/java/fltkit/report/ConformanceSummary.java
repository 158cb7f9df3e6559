package fltkit.report;

import fltkit.rules.ApiArea;
import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.RuleEntry;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-rule conformance summary of one run, built from what the run emitted (the Cucumber messages
 * of each profile), never from a hand-kept list. Written as {@code conformance-summary.json}; the
 * matrix command merges several of them.
 */
public record ConformanceSummary(String format, RunInfo run, List<String> profiles, Map<String, Headline> headline,
                                 List<RuleRow> rules) {
    public static final String FORMAT = "fltkit-conformance-summary/1";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** One rule and its verdict in every profile that ran. */
    public record RuleRow(String id, String title, String level, String windows, String source, String notes,
                          String feature, String area, boolean kitCheck, Map<String, Verdict> profiles) {
        public Outcome outcome(String profile) {
            Verdict verdict = profiles.get(profile);
            return verdict == null ? Outcome.NOT_COVERED : verdict.outcome();
        }
    }

    public record Verdict(Outcome outcome, List<ScenarioResult> scenarios) {
    }

    /**
     * The figures a reader sees first for one profile: documented MUST rules by outcome (the verdict),
     * the other levels and the kit's own checks apart, and scenarios by outcome.
     */
    public record Headline(Map<Outcome, Long> mustRules, Map<String, Map<Outcome, Long>> otherLevels,
                           Map<Outcome, Long> kitChecks, Map<Outcome, Long> scenarios, long totalScenarios,
                           boolean conformant) {
    }

    /** Builds the summary from {@code <reports>/<profile>/cucumber-messages.ndjson} of every profile. */
    public static ConformanceSummary fromReports(Path reports, RunInfo run) throws IOException {
        Map<String, CucumberMessages> byProfile = new LinkedHashMap<>();
        for (String profile : run.profiles()) {
            Path ndjson = reports.resolve(profile).resolve("cucumber-messages.ndjson");
            if (Files.exists(ndjson)) {
                byProfile.put(profile, CucumberMessages.read(ndjson));
            }
        }
        return build(run, byProfile);
    }

    static ConformanceSummary build(RunInfo run, Map<String, CucumberMessages> byProfile) {
        Map<String, RuleEntry> catalog = new LinkedHashMap<>();
        byProfile.values().forEach(m -> m.rules.forEach(r -> catalog.putIfAbsent(r.id(), r)));
        Map<String, List<ScenarioResult>> judged = new LinkedHashMap<>();
        byProfile.forEach((profile, messages) -> judged.put(profile, messages.scenarios.stream()
                .map(s -> catalog.containsKey(s.ruleId()) ? judged(catalog.get(s.ruleId()), s) : s)
                .collect(Collectors.toList())));
        List<RuleRow> rows = new ArrayList<>();
        for (RuleEntry rule : catalog.values()) {
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            judged.forEach((profile, all) -> {
                List<ScenarioResult> scenarios = all.stream()
                        .filter(s -> s.ruleId().equals(rule.id())).collect(Collectors.toList());
                verdicts.put(profile, new Verdict(aggregate(scenarios), scenarios));
            });
            rows.add(new RuleRow(rule.id(), rule.title(), rule.level().label(), rule.windows(), rule.source(), rule.notes(),
                    rule.feature(), ApiArea.of(rule), rule.kitCheck(), verdicts));
        }
        Map<String, Headline> headlines = new LinkedHashMap<>();
        judged.forEach((profile, scenarios) -> headlines.put(profile, headline(profile, rows, scenarios)));
        return new ConformanceSummary(FORMAT, run, new ArrayList<>(byProfile.keySet()), headlines, rows);
    }

    /** A MUST rule is judged: values its scenarios recorded on the way are shown, but the scenario passed. */
    private static ScenarioResult judged(RuleEntry rule, ScenarioResult scenario) {
        if (rule.level().judged() && scenario.outcome() == Outcome.RECORDED) {
            return new ScenarioResult(scenario.ruleId(), scenario.name(), Outcome.PASSED, scenario.message(), scenario.recorded());
        }
        return scenario;
    }

    /** A rule's outcome from its scenarios': a failure or an error wins; a rule skipped throughout says why. */
    static Outcome aggregate(List<ScenarioResult> scenarios) {
        if (scenarios.isEmpty()) {
            return Outcome.NOT_COVERED;
        }
        for (Outcome worst : List.of(Outcome.FAILED, Outcome.BROKEN)) {
            if (scenarios.stream().anyMatch(s -> s.outcome() == worst)) {
                return worst;
            }
        }
        if (scenarios.stream().anyMatch(s -> s.outcome() == Outcome.RECORDED)) {
            return Outcome.RECORDED;
        }
        if (scenarios.stream().anyMatch(s -> s.outcome() == Outcome.PASSED)) {
            return Outcome.PASSED;
        }
        return scenarios.stream().map(ScenarioResult::outcome).min(Enum::compareTo).orElseThrow();
    }

    private static Headline headline(String profile, List<RuleRow> rows, List<ScenarioResult> scenarios) {
        Map<Outcome, Long> must = new EnumMap<>(Outcome.class);
        Map<String, Map<Outcome, Long>> other = new LinkedHashMap<>();
        Map<Outcome, Long> kit = new EnumMap<>(Outcome.class);
        for (RuleRow row : rows) {
            Outcome outcome = row.outcome(profile);
            if (row.kitCheck()) {
                kit.merge(outcome, 1L, Long::sum);
            } else if (row.level().equals(Level.MUST.label())) {
                must.merge(outcome, 1L, Long::sum);
            } else {
                other.computeIfAbsent(row.level(), k -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
            }
        }
        Map<Outcome, Long> byScenario = new EnumMap<>(Outcome.class);
        scenarios.forEach(s -> byScenario.merge(s.outcome(), 1L, Long::sum));
        // Nothing exercised is no evidence: CONFORMS needs at least one applicable MUST rule that held.
        boolean held = must.getOrDefault(Outcome.PASSED, 0L) + must.getOrDefault(Outcome.RECORDED, 0L) > 0;
        boolean conformant = held && must.getOrDefault(Outcome.FAILED, 0L) == 0 && must.getOrDefault(Outcome.BROKEN, 0L) == 0;
        return new Headline(must, other, kit, byScenario, scenarios.size(), conformant);
    }

    /** True when the run finished and, in every profile, documented MUST rules held and none failed or broke. */
    public boolean conformant() {
        return run.finished() && headline.values().stream().allMatch(Headline::conformant);
    }

    public void write(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(this));
    }

    public static ConformanceSummary read(Path file) throws IOException {
        ConformanceSummary summary = JSON.readValue(file.toFile(), ConformanceSummary.class);
        if (!FORMAT.equals(summary.format())) {
            throw new IOException(file + " is not a conformance summary (format '" + summary.format()
                    + "', expected '" + FORMAT + "')");
        }
        return summary;
    }
}
