package fltkit.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fltkit.rules.ApiArea;
import fltkit.rules.KitCheck;
import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.RuleEntry;
import fltkit.rules.WindowsRange;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The verdict of one run, built from what the run recorded ({@link ProfileRun}s), never from a hand-kept
 * list: every rule with its outcome per profile, the kit's own checks apart, the root causes grouped, and
 * per profile a headline that says how much of the applicable MUST rules the run exercised. Written as
 * {@code conformance-summary.json}; every other output (page, closing lines, JUnit XML) is derived from it,
 * so they agree on every count.
 */
public record ConformanceSummary(String format, RunInfo run, List<String> profiles, Map<String, Headline> headline,
                                 List<RuleRow> rules, List<KitCheckRow> kitChecks, List<Problem> problems,
                                 List<ExplorationSummary> exploration) {
    public static final String FORMAT = "fltkit-conformance-summary/2";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** What a profile's headline says. */
    public static final String CONFORMS = "CONFORMS";
    public static final String DOES_NOT_CONFORM = "DOES NOT CONFORM";
    /** Nothing failed, but not every applicable MUST rule was exercised and held. */
    public static final String INCOMPLETE = "INCOMPLETE";
    /** No applicable MUST rule could be exercised at all. */
    public static final String NO_VERDICT = "NO VERDICT";
    /** A run limited by tags establishes no conformance. */
    public static final String PARTIAL = "PARTIAL";

    private static final Pattern NEEDS = Pattern.compile("needs capability '([a-z-]+)'");
    private static final Pattern NOT_CLAIMED = Pattern.compile("does not claim the [a-z0-9]+ profile");

    /** One rule and its outcome in every profile that ran. */
    public record RuleRow(String id, String title, String level, String windows, String source, String notes,
                          String feature, String area, Map<String, RuleVerdict> profiles) {
        public Outcome outcome(String profile) {
            RuleVerdict verdict = profiles.get(profile);
            return verdict == null ? Outcome.NOT_COVERED : verdict.outcome();
        }

        boolean must() {
            return level.equals(Level.MUST.label());
        }
    }

    /** A rule's outcome in one profile (the worst of its scenarios') and the scenarios behind it. */
    public record RuleVerdict(Outcome outcome, List<ScenarioRun> scenarios) {
    }

    /** One of the kit's own checks: how often it ran in each profile, and every breach with the scenario it followed. */
    public record KitCheckRow(String id, String title, String description, Map<String, KitCheckResult> profiles) {
    }

    public record KitCheckResult(long ran, List<Breach> breaches) {
    }

    /** A kit check's breach: after which rule's scenario, and what it found. */
    public record Breach(String rule, String scenario, String message) {
    }

    /**
     * How much of the applicable MUST rules a profile's run exercised. A rule is exercised when at least
     * one of its scenarios ran (passed, failed or broke); it holds when it was exercised and none failed,
     * broke or met a kit error.
     *
     * @param notExercised       the applicable MUST rules no scenario of which ran
     * @param notExercisedByNeed for the rules not exercised, how many needed each capability (or the profile)
     */
    public record Coverage(long applicable, long exercised, long held, long failed, long broken, long kitErrors,
                           List<String> notExercised, Map<String, Long> notExercisedByNeed,
                           long applicableScenarios, long scenariosRun) {
    }

    /**
     * The figures a reader sees first for one profile: the verdict, the MUST coverage, the rules that failed,
     * the other levels and the kit checks apart, and scenarios by outcome.
     */
    public record Headline(String verdict, Coverage must, List<String> failingRules,
                           Map<String, Map<Outcome, Long>> otherLevels, Map<String, Long> kitCheckBreaches,
                           Map<Outcome, Long> scenarios, long totalScenarios) {

        /** True when the verdict is CONFORMS. */
        @JsonProperty("conformant")
        public boolean conformant() {
            return verdict.equals(CONFORMS);
        }

        /** Whether the profile's run found something wrong: a failed rule, a broken scenario, a kit error, a kit check breach. */
        public boolean anythingFailed() {
            return must.failed() + must.broken() + must.kitErrors() > 0 || count(Outcome.FAILED) + count(Outcome.BROKEN)
                    + count(Outcome.KIT_ERROR) > 0 || kitCheckBreaches.values().stream().mapToLong(Long::longValue).sum() > 0;
        }

        public long count(Outcome outcome) {
            return scenarios.getOrDefault(outcome, 0L);
        }

        /** The sentence the page's card and the command line's closing line start with. */
        @JsonProperty("sentence")
        public String sentence() {
            Coverage c = must;
            switch (verdict) {
                case CONFORMS:
                    return c.held() + " / " + c.applicable() + " applicable MUST rules exercised and held";
                case DOES_NOT_CONFORM:
                    return c.failed() + " of " + c.applicable() + " applicable MUST rules failed";
                case NO_VERDICT:
                    return c.exercised() > 0 ? "the run did not finish, so its " + c.held() + " / " + c.applicable()
                            + " held MUST rules are no verdict"
                            : "none of the " + c.applicable() + " applicable MUST rules could be exercised";
                default:
                    return "no failures in " + c.held() + " of " + c.applicable() + " applicable MUST rules"
                            + (c.exercised() < c.applicable() ? "; not exercised: " + (c.applicable() - c.exercised()) : "")
                            + (c.broken() + c.kitErrors() > 0 ? "; could not be judged: " + (c.broken() + c.kitErrors()) : "");
            }
        }
    }

    /**
     * A root cause: one rule, one outcome and one message (addresses and context names set aside), with how
     * many scenarios and which profiles it hit. The kit's checks are grouped the same way, under their own ID.
     */
    public record Problem(String rule, Outcome outcome, String message, long scenarios, List<String> profiles,
                          List<String> examples, int fewestCalls) {
    }

    public ConformanceSummary {
        exploration = exploration == null ? List.of() : List.copyOf(exploration);
    }

    /** Builds the summary from the recorded runs of every profile, in run order. */
    public static ConformanceSummary build(RunInfo run, List<ProfileRun> runs) {
        return build(run, runs, List.of());
    }

    /** The same, with what exploring the profiles found (its own section, never a rule's verdict). */
    public static ConformanceSummary build(RunInfo run, List<ProfileRun> runs, List<ExplorationSummary> exploration) {
        Map<String, RuleEntry> catalog = new LinkedHashMap<>();
        runs.forEach(r -> r.rules().forEach(rule -> catalog.putIfAbsent(rule.id(), rule)));
        List<String> profiles = runs.stream().map(ProfileRun::profile).collect(Collectors.toList());
        List<RuleRow> rows = new ArrayList<>();
        for (RuleEntry rule : catalog.values()) {
            Map<String, RuleVerdict> verdicts = new LinkedHashMap<>();
            for (ProfileRun profile : runs) {
                List<ScenarioRun> scenarios = profile.scenarios().stream().filter(s -> s.ruleId().equals(rule.id()))
                        .collect(Collectors.toList());
                verdicts.put(profile.profile(), new RuleVerdict(aggregate(scenarios), scenarios));
            }
            rows.add(new RuleRow(rule.id(), rule.title(), rule.level().label(), rule.windows(), rule.source(), rule.notes(),
                    rule.feature(), ApiArea.of(rule).label(), verdicts));
        }
        List<KitCheckRow> checks = kitChecks(runs);
        Map<String, Headline> headlines = new LinkedHashMap<>();
        for (ProfileRun profile : runs) {
            headlines.put(profile.profile(), headline(run, profile, rows, catalog, checks));
        }
        return new ConformanceSummary(FORMAT, run, profiles, headlines, rows, checks, problems(runs, catalog), exploration);
    }

    /** The worst outcome among the rule's scenarios; a rule with no scenario that ran is not covered. */
    static Outcome aggregate(List<ScenarioRun> scenarios) {
        if (scenarios.isEmpty()) {
            return Outcome.NOT_COVERED;
        }
        for (Outcome worst : List.of(Outcome.FAILED, Outcome.BROKEN, Outcome.KIT_ERROR)) {
            if (scenarios.stream().anyMatch(s -> s.outcome() == worst)) {
                return worst;
            }
        }
        for (Outcome ran : List.of(Outcome.RECORDED, Outcome.PASSED)) {
            if (scenarios.stream().anyMatch(s -> s.outcome() == ran)) {
                return ran;
            }
        }
        return scenarios.stream().map(ScenarioRun::outcome).min(Enum::compareTo).orElseThrow();
    }

    private static List<KitCheckRow> kitChecks(List<ProfileRun> runs) {
        List<KitCheckRow> rows = new ArrayList<>();
        for (KitCheck check : KitCheck.values()) {
            Map<String, KitCheckResult> perProfile = new LinkedHashMap<>();
            for (ProfileRun profile : runs) {
                long ran = profile.scenarios().stream().filter(s -> s.outcome() == Outcome.PASSED || s.outcome() == Outcome.RECORDED)
                        .count();
                List<Breach> breaches = profile.scenarios().stream()
                        .filter(s -> s.kitCheck() != null && s.kitCheck().check().equals(check.id()))
                        .map(s -> new Breach(s.ruleId(), s.name(), s.kitCheck().message())).collect(Collectors.toList());
                perProfile.put(profile.profile(), new KitCheckResult(ran, breaches));
            }
            rows.add(new KitCheckRow(check.id(), check.title(), check.description(), perProfile));
        }
        return rows;
    }

    private static Headline headline(RunInfo run, ProfileRun profile, List<RuleRow> rows, Map<String, RuleEntry> catalog,
                                     List<KitCheckRow> checks) {
        String name = profile.profile();
        WindowsVersion version = WindowsVersion.fromProfile(name);
        long applicable = 0;
        long exercised = 0;
        long held = 0;
        long failed = 0;
        long broken = 0;
        long kitErrors = 0;
        long applicableScenarios = 0;
        long scenariosRun = 0;
        List<String> notExercised = new ArrayList<>();
        Map<String, Long> needs = new TreeMap<>();
        List<String> failing = new ArrayList<>();
        Map<String, Map<Outcome, Long>> other = new LinkedHashMap<>();
        for (RuleRow row : rows) {
            RuleVerdict verdict = row.profiles().get(name);
            Outcome outcome = verdict == null ? Outcome.NOT_COVERED : verdict.outcome();
            if (!row.must()) {
                other.computeIfAbsent(row.level(), k -> new EnumMap<>(Outcome.class)).merge(outcome, 1L, Long::sum);
                continue;
            }
            if (!WindowsRange.parse(row.windows()).contains(version)) {
                continue;
            }
            applicable++;
            List<ScenarioRun> scenarios = verdict == null ? List.of() : verdict.scenarios();
            applicableScenarios += scenarios.size();
            long ran = scenarios.stream().filter(s -> ran(s.outcome())).count();
            scenariosRun += ran;
            if (ran == 0) {
                notExercised.add(row.id());
                neededBy(scenarios).forEach(need -> needs.merge(need, 1L, Long::sum));
                continue;
            }
            exercised++;
            switch (outcome) {
                case FAILED: failed++; failing.add(row.id()); break;
                case BROKEN: broken++; break;
                case KIT_ERROR: kitErrors++; break;
                default: held++;
            }
        }
        Map<String, Long> breaches = new LinkedHashMap<>();
        checks.forEach(check -> breaches.put(check.id(), (long) check.profiles().get(name).breaches().size()));
        Map<Outcome, Long> byScenario = new EnumMap<>(Outcome.class);
        profile.scenarios().forEach(s -> byScenario.merge(s.outcome(), 1L, Long::sum));
        Coverage coverage = new Coverage(applicable, exercised, held, failed, broken, kitErrors, notExercised, needs,
                applicableScenarios, scenariosRun);
        String verdict = !run.finished() ? NO_VERDICT
                : failed > 0 ? DOES_NOT_CONFORM
                : exercised == 0 ? NO_VERDICT
                : run.partial() ? PARTIAL
                : held == applicable ? CONFORMS : INCOMPLETE;
        List<String> failingInOrder = failing.stream().sorted(specOrder(catalog)).collect(Collectors.toList());
        return new Headline(verdict, coverage, failingInOrder, other, breaches, byScenario, profile.scenarios().size());
    }

    private static boolean ran(Outcome outcome) {
        return outcome == Outcome.PASSED || outcome == Outcome.RECORDED || outcome == Outcome.FAILED
                || outcome == Outcome.BROKEN || outcome == Outcome.KIT_ERROR;
    }

    /** What the not-declared scenarios of a rule needed: capabilities, or the profile itself. */
    private static Set<String> neededBy(List<ScenarioRun> scenarios) {
        Set<String> needs = new LinkedHashSet<>();
        for (ScenarioRun scenario : scenarios) {
            if (scenario.outcome() != Outcome.NOT_DECLARED || scenario.message() == null) {
                continue;
            }
            Matcher need = NEEDS.matcher(scenario.message());
            if (need.find()) {
                needs.add(need.group(1));
            } else if (NOT_CLAIMED.matcher(scenario.message()).find()) {
                needs.add("the profile");
            }
        }
        return needs;
    }

    /**
     * Failures, broken scenarios, kit errors and kit-check breaches, grouped by rule and message. Root causes
     * first: documented rules before the kit's checks, then the failure reached with the fewest calls into the
     * implementation (a wrong reference count right after FltAllocateContext comes before every rule that needs a
     * context freed), then the order a minifilter meets the areas.
     */
    private static List<Problem> problems(List<ProfileRun> runs, Map<String, RuleEntry> catalog) {
        Map<String, Problem> groups = new LinkedHashMap<>();
        for (ProfileRun profile : runs) {
            for (ScenarioRun scenario : profile.scenarios()) {
                if (scenario.outcome() == Outcome.FAILED || scenario.outcome() == Outcome.BROKEN || scenario.outcome() == Outcome.KIT_ERROR) {
                    group(groups, scenario.ruleId(), scenario.outcome(), scenario.message(), scenario, profile.profile());
                }
                if (scenario.kitCheck() != null) {
                    group(groups, scenario.kitCheck().check(), Outcome.FAILED, scenario.kitCheck().message(), scenario,
                            profile.profile());
                }
            }
        }
        Comparator<String> order = specOrder(catalog);
        return groups.values().stream()
                .sorted(Comparator.comparing((Problem p) -> p.rule().startsWith("KIT-"))
                        .thenComparing(p -> p.fewestCalls() < 0 ? Integer.MAX_VALUE : p.fewestCalls())
                        .thenComparing(Problem::rule, order).thenComparing(p -> -p.scenarios()))
                .collect(Collectors.toList());
    }

    private static void group(Map<String, Problem> groups, String rule, Outcome outcome, String message, ScenarioRun run,
                              String profile) {
        String scenario = run.name();
        String normalized = normalized(message);
        String key = rule + "\u0000" + outcome + "\u0000" + normalized;
        Problem known = groups.get(key);
        List<String> profiles = new ArrayList<>(known == null ? List.of() : known.profiles());
        if (!profiles.contains(profile)) {
            profiles.add(profile);
        }
        List<String> examples = new ArrayList<>(known == null ? List.of() : known.examples());
        if (examples.size() < 5 && !examples.contains(scenario)) {
            examples.add(scenario);
        }
        int fewest = known == null ? run.calls() : run.calls() < 0 ? known.fewestCalls()
                : known.fewestCalls() < 0 ? run.calls() : Math.min(known.fewestCalls(), run.calls());
        groups.put(key, new Problem(rule, outcome, normalized, (known == null ? 0 : known.scenarios()) + 1, profiles, examples, fewest));
    }

    /**
     * The message with what varies between scenarios of one cause set aside: the arguments of the calls,
     * addresses and handles (an NTSTATUS value in parentheses stays), scenario-given context names, the rule a
     * kit check ran after, and the calls-seen lists.
     */
    static String normalized(String message) {
        if (message == null) {
            return "(no message)";
        }
        return message.replaceAll("\\b(Flt[A-Za-z]+|[a-z]+[A-Z][A-Za-z]*)\\([^()]*\\)", "$1(…)")
                .replaceAll("\"[^\"]{1,40}\" \\(0x[0-9A-Fa-f]+\\)", "\"…\" (0x…)")
                .replaceAll("(?<![(])0x[0-9A-Fa-f]{5,}", "0x…")
                .replaceAll("(KIT-[A-Z]+-\\d{3} violated after )[A-Z]+-\\d{3}", "$1…")
                .replaceAll("; calls seen: \\[.*\\]$", "; calls seen: […]")
                .replaceAll("address=\\d+", "address=…");
    }

    /** Rule IDs in the order a minifilter meets their areas, then by ID. */
    private static Comparator<String> specOrder(Map<String, RuleEntry> catalog) {
        return Comparator.comparing((String id) -> catalog.containsKey(id) ? ApiArea.of(catalog.get(id)) : ApiArea.ofId(id))
                .thenComparing(id -> id);
    }

    /** How many divergences exploration found, in every profile it explored. */
    public long explorationDivergences() {
        return exploration.stream().mapToLong(e -> e.divergences().size()).sum();
    }

    /** True when the run finished and every profile's verdict is CONFORMS. */
    public boolean conformant() {
        return run.finished() && headline.values().stream().allMatch(Headline::conformant);
    }

    public void write(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(this));
    }

    public static ConformanceSummary read(Path file) throws IOException {
        ConformanceSummary summary = JSON.readValue(file.toFile(), ConformanceSummary.class);
        if (!FORMAT.equals(summary.format())) {
            throw new IOException(file + " is not a conformance summary of this kit (format '" + summary.format()
                    + "', expected '" + FORMAT + "'); rerun the implementation with this kit version");
        }
        return summary;
    }
}
