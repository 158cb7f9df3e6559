package fltkit.report;

import fltkit.report.ConformanceSummary.Headline;
import fltkit.report.ScenarioRun.KitFinding;
import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import fltkit.rules.RuleEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary is built from what the run recorded: outcomes per rule, coverage, verdicts, root causes, kit checks. */
class ConformanceSummaryTest {
    private static final RunInfo RUN = new RunInfo("impl", "1", "v", List.of(), List.of("win11"), "9.9", "abc", "jdk", "os",
            false, "", "now");

    @TempDir
    Path dir;

    private static RuleEntry rule(String id, Level level, String windows) {
        return new RuleEntry(id, "title of " + id, level, windows, "a source", "", "FltAllocateContext", "FltAllocateContext.feature",
                List.of(id + " s"));
    }

    private static ScenarioRun scenario(String id, Outcome outcome, String message) {
        return new ScenarioRun(id, id + " s", "FltAllocateContext.feature", 1, outcome, message, List.of(), null, -1);
    }

    @Test
    void eachRuleGetsTheWorstOutcomeOfItsScenariosAndTheHeadlineSaysWhatWasExercised() throws IOException {
        List<RuleEntry> rules = List.of(rule("ALLOC-001", Level.MUST, "all"), rule("ALLOC-002", Level.MUST, "all"),
                rule("ALLOC-003", Level.MUST, "all"), rule("ALLOC-004", Level.MUST, "vista..win10"),
                rule("ALLOC-005", Level.IMPLEMENTATION_DEFINED, "all"), rule("ALLOC-006", Level.MUST, "all"));
        List<ScenarioRun> scenarios = List.of(
                scenario("ALLOC-001", Outcome.PASSED, null),
                scenario("ALLOC-002", Outcome.PASSED, null),
                scenario("ALLOC-002", Outcome.FAILED, "ALLOC-002 violated: got X"),
                scenario("ALLOC-003", Outcome.BROKEN, "the implementation threw"),
                scenario("ALLOC-004", Outcome.NOT_APPLICABLE, "[not-applicable] vista..win10"),
                new ScenarioRun("ALLOC-005", "ALLOC-005 s", "FltAllocateContext.feature", 1, Outcome.RECORDED, null,
                        List.of(new Recorded("bytes after recycling", "dirty")), null, -1),
                scenario("ALLOC-006", Outcome.NOT_DECLARED, "[not-declared] needs capability 'irql' (IrqlControl), which x does not implement"));
        ConformanceSummary summary = ConformanceSummary.build(RUN, List.of(new ProfileRun("win11", rules, scenarios)));

        assertThat(summary.rules()).extracting(r -> r.id() + "=" + r.outcome("win11").label()).containsExactly(
                "ALLOC-001=passed", "ALLOC-002=failed", "ALLOC-003=broken", "ALLOC-004=not applicable",
                "ALLOC-005=recorded", "ALLOC-006=not declared");
        Headline headline = summary.headline().get("win11");
        assertThat(headline.verdict()).isEqualTo(ConformanceSummary.DOES_NOT_CONFORM);
        assertThat(headline.must().applicable()).as("ALLOC-004 is outside win11").isEqualTo(4);
        assertThat(headline.must().exercised()).isEqualTo(3);
        assertThat(headline.must().held()).isEqualTo(1);
        assertThat(headline.must().failed()).isEqualTo(1);
        assertThat(headline.must().broken()).isEqualTo(1);
        assertThat(headline.must().notExercised()).containsExactly("ALLOC-006");
        assertThat(headline.must().notExercisedByNeed()).containsEntry("irql", 1L);
        assertThat(headline.failingRules()).containsExactly("ALLOC-002");
        assertThat(headline.otherLevels().get("IMPLEMENTATION-DEFINED")).containsEntry(Outcome.RECORDED, 1L);
        assertThat(summary.problems()).extracting(ConformanceSummary.Problem::rule).containsExactly("ALLOC-002", "ALLOC-003");

        summary.write(dir.resolve("s.json"));
        assertThat(ConformanceSummary.read(dir.resolve("s.json"))).isEqualTo(summary);
        assertThat(SummaryPage.render(summary)).contains("DOES NOT CONFORM").contains("ALLOC-002 violated: got X")
                .contains("bytes after recycling").contains("not exercised: ALLOC-006").doesNotContain("PARTIAL RUN");
    }

    @Test
    void conformsOnlyWhenEveryApplicableMustRuleWasExercisedAndHeld() {
        List<RuleEntry> rules = List.of(rule("ALLOC-001", Level.MUST, "all"), rule("ALLOC-002", Level.MUST, "all"));
        ConformanceSummary all = ConformanceSummary.build(RUN, List.of(new ProfileRun("win11", rules, List.of(
                scenario("ALLOC-001", Outcome.PASSED, null), scenario("ALLOC-002", Outcome.PASSED, null)))));
        assertThat(all.headline().get("win11").verdict()).isEqualTo(ConformanceSummary.CONFORMS);
        assertThat(all.headline().get("win11").sentence()).isEqualTo("2 / 2 applicable MUST rules exercised and held");

        ConformanceSummary subset = ConformanceSummary.build(RUN, List.of(new ProfileRun("win11", rules, List.of(
                scenario("ALLOC-001", Outcome.PASSED, null),
                scenario("ALLOC-002", Outcome.NOT_DECLARED, "[not-declared] needs capability 'objects' (ContextObjects)")))));
        Headline headline = subset.headline().get("win11");
        assertThat(headline.verdict()).isEqualTo(ConformanceSummary.INCOMPLETE);
        assertThat(headline.sentence()).isEqualTo("no failures in 1 of 2 applicable MUST rules; not exercised: 1");
        assertThat(headline.anythingFailed()).isFalse();

        ConformanceSummary nothing = ConformanceSummary.build(RUN, List.of(new ProfileRun("win11", rules, List.of(
                scenario("ALLOC-001", Outcome.NOT_DECLARED, "[not-declared] x does not claim the win11 profile"),
                scenario("ALLOC-002", Outcome.NOT_DECLARED, "[not-declared] x does not claim the win11 profile")))));
        assertThat(nothing.headline().get("win11").verdict()).isEqualTo(ConformanceSummary.NO_VERDICT);
        assertThat(nothing.headline().get("win11").must().notExercisedByNeed()).containsEntry("the profile", 2L);

        RunInfo partial = new RunInfo("impl", "1", "v", List.of(), List.of("win11"), "9.9", "abc", "jdk", "os", true, "@must", "now");
        ConformanceSummary tagged = ConformanceSummary.build(partial, List.of(new ProfileRun("win11", rules, List.of(
                scenario("ALLOC-001", Outcome.PASSED, null), scenario("ALLOC-002", Outcome.PASSED, null)))));
        assertThat(tagged.headline().get("win11").verdict()).isEqualTo(ConformanceSummary.PARTIAL);
        assertThat(SummaryPage.render(tagged)).contains("PARTIAL RUN: only scenarios matching @must ran");
    }

    @Test
    void aKitCheckBreachIsChargedToTheCheckNotToTheScenariosRule() {
        List<RuleEntry> rules = List.of(rule("ALLOC-001", Level.MUST, "all"), rule("REF-001", Level.MUST, "all"));
        String leak = "KIT-LEAK-001 violated after %s: once the minifilter gave back every reference, \"A\" (0x%X) is still alive";
        List<ScenarioRun> scenarios = List.of(
                new ScenarioRun("ALLOC-001", "ALLOC-001 s", "f", 1, Outcome.PASSED, null, List.of(),
                        new KitFinding("KIT-LEAK-001", String.format(leak, "ALLOC-001", 0x100000000060L)), 3),
                new ScenarioRun("REF-001", "REF-001 s", "f", 2, Outcome.PASSED, null, List.of(),
                        new KitFinding("KIT-LEAK-001", String.format(leak, "REF-001", 0x100000000160L)), 3));
        ConformanceSummary summary = ConformanceSummary.build(RUN, List.of(new ProfileRun("win11", rules, scenarios)));

        assertThat(summary.rules()).allMatch(r -> r.outcome("win11") == Outcome.PASSED);
        Headline headline = summary.headline().get("win11");
        assertThat(headline.verdict()).as("kit checks are never counted as documented rules").isEqualTo(ConformanceSummary.CONFORMS);
        assertThat(headline.kitCheckBreaches()).containsEntry("KIT-LEAK-001", 2L);
        assertThat(headline.anythingFailed()).as("a breach is still something that failed").isTrue();
        assertThat(summary.kitChecks().get(0).profiles().get("win11").breaches()).extracting(ConformanceSummary.Breach::rule)
                .containsExactly("ALLOC-001", "REF-001");
        assertThat(summary.problems()).as("one message, two scenarios").hasSize(1);
        assertThat(summary.problems().get(0).rule()).isEqualTo("KIT-LEAK-001");
        assertThat(summary.problems().get(0).scenarios()).isEqualTo(2);
    }

    @Test
    void rootCausesSetAsideWhatVariesBetweenScenariosButKeepTheStatuses() {
        assertThat(ConformanceSummary.normalized("ALLOC-002 violated: FltAllocateContext(FLT_STREAM_CONTEXT, ContextSize=65536, "
                + "PagedPool) returned STATUS_SUCCESS (0x00000000), expected STATUS_INVALID_BUFFER_SIZE (0xC0000206)"))
                .isEqualTo("ALLOC-002 violated: FltAllocateContext(…) returned STATUS_SUCCESS (0x00000000), expected "
                        + "STATUS_INVALID_BUFFER_SIZE (0xC0000206)");
        assertThat(ConformanceSummary.normalized("KIT-LEAK-001 violated after REF-002: \"A\" (0x100000000060) is still alive, "
                + "block 0x100000000000 too; calls seen: [CallbackEvent[kind=FREE, address=17592186044416]]"))
                .isEqualTo("KIT-LEAK-001 violated after …: \"…\" (0x…) is still alive, block 0x… too; calls seen: […]");
        assertThat(ConformanceSummary.normalized("the cleanup callback ran 0 time(s)")).isEqualTo("the cleanup callback ran 0 time(s)");
    }
}
