package fltkit.report;

import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary reads every outcome from Cucumber messages the way the engine writes them. */
class ConformanceSummaryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEATURE = String.join("\n",
            "Feature: FltAllocateContext",
            "  @must @windows:all",
            "  Rule: ALLOC-001 passes",
            "    Source: seed.txt, Remarks",
            "    Scenario: ALLOC-001 a",
            "      Given x",
            "  @must @windows:all",
            "  Rule: ALLOC-002 fails",
            "    Source: seed.txt, Parameters",
            "    Scenario: ALLOC-002 b",
            "      Given x",
            "  @must @windows:all",
            "  Rule: ALLOC-003 breaks",
            "    Source: seed.txt, Return value",
            "    Scenario: ALLOC-003 c",
            "      Given x",
            "  @must @windows:win8+",
            "  Rule: ALLOC-004 newer Windows only",
            "    Source: seed.txt, Requirements",
            "    Scenario: ALLOC-004 d",
            "      Given x",
            "  @impl-defined @windows:all",
            "  Rule: ALLOC-005 recorded",
            "    Source: seed.txt, Remarks",
            "    Scenario: ALLOC-005 e",
            "      Given x",
            "  @must @windows:all",
            "  Rule: ALLOC-006 not declared",
            "    Source: seed.txt, Remarks",
            "    Scenario: ALLOC-006 f",
            "      Given x",
            "  @must @windows:all",
            "  Rule: ALLOC-007 filtered out of this run",
            "    Source: seed.txt, Remarks",
            "    Scenario: ALLOC-007 g",
            "      Given x",
            "");

    @TempDir
    Path reports;

    @Test
    void everyOutcomeIsReadFromTheMessages() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(envelope("source", obj().put("uri", "classpath:fltkit/features/FltAllocateContext.feature").put("data", FEATURE)));
        testCase(lines, "1", "ALLOC-001 a", step("PASSED", null, null), null);
        testCase(lines, "2", "ALLOC-002 b", step("FAILED", "java.lang.AssertionError", "ALLOC-002 violated: got X"), null);
        testCase(lines, "3", "ALLOC-003 c", step("FAILED", "fltkit.steps.BrokenImplementationException", "adapter threw"), null);
        testCase(lines, "4", "ALLOC-004 d", step("SKIPPED", "org.opentest4j.TestAbortedException", "[not-applicable] win8+ only"), null);
        testCase(lines, "5", "ALLOC-005 e", step("PASSED", null, null), "{\"what\":\"bytes after recycling\",\"value\":\"dirty\"}");
        testCase(lines, "6", "ALLOC-006 f", step("SKIPPED", "org.opentest4j.TestAbortedException", "[not-declared] needs 'irql'"), null);
        Files.createDirectories(reports.resolve("vista"));
        Files.write(reports.resolve("vista/cucumber-messages.ndjson"), lines, StandardCharsets.UTF_8);

        RunInfo run = new RunInfo("impl", "1", "v", List.of(), List.of("vista"), "9.9", "abc", "jdk", "os", false, "", "now");
        ConformanceSummary summary = ConformanceSummary.fromReports(reports, run);

        assertThat(summary.rules()).extracting(r -> r.id() + "=" + r.outcome("vista").label()).containsExactly(
                "ALLOC-001=passed", "ALLOC-002=failed", "ALLOC-003=broken", "ALLOC-004=not applicable",
                "ALLOC-005=recorded", "ALLOC-006=not declared", "ALLOC-007=not covered");
        ConformanceSummary.Headline headline = summary.headline().get("vista");
        assertThat(headline.totalScenarios()).isEqualTo(6);
        assertThat(headline.mustRules()).containsEntry(Outcome.FAILED, 1L).containsEntry(Outcome.NOT_COVERED, 1L)
                .doesNotContainKey(Outcome.RECORDED);
        assertThat(headline.otherLevels().get("IMPLEMENTATION-DEFINED")).containsEntry(Outcome.RECORDED, 1L);
        assertThat(headline.conformant()).isFalse();
        assertThat(summary.rules().get(4).profiles().get("vista").scenarios().get(0).recorded())
                .containsExactly(new Recorded("bytes after recycling", "dirty"));
        assertThat(summary.rules().get(1).profiles().get("vista").scenarios().get(0).message()).isEqualTo("ALLOC-002 violated: got X");

        summary.write(reports.resolve("s.json"));
        assertThat(ConformanceSummary.read(reports.resolve("s.json"))).isEqualTo(summary);
        assertThat(SummaryPage.render(summary)).contains("DOES NOT CONFORM").contains("ALLOC-002 violated: got X")
                .contains("bytes after recycling").doesNotContain("PARTIAL RUN");
    }

    @Test
    void aPartialRunIsStampedOnThePage() {
        RunInfo run = new RunInfo("impl", "1", "v", List.of(), List.of(), "9.9", "abc", "jdk", "os", true, "@must", "now");
        ConformanceSummary summary = ConformanceSummary.build(run, new java.util.LinkedHashMap<>());
        assertThat(SummaryPage.render(summary)).contains("PARTIAL RUN: only scenarios matching @must ran");
    }

    private static void testCase(List<String> lines, String id, String name, ObjectNode result, String recorded) {
        lines.add(envelope("pickle", obj().put("id", "p" + id).put("name", name)));
        lines.add(envelope("testCase", obj().put("id", "t" + id).put("pickleId", "p" + id)));
        lines.add(envelope("testCaseStarted", obj().put("id", "s" + id).put("testCaseId", "t" + id)));
        lines.add(envelope("testStepFinished", obj().put("testCaseStartedId", "s" + id).set("testStepResult", result)));
        if (recorded != null) {
            lines.add(envelope("attachment", obj().put("testCaseStartedId", "s" + id).put("mediaType", Recorded.MEDIA_TYPE)
                    .put("contentEncoding", "BASE64")
                    .put("body", Base64.getEncoder().encodeToString(recorded.getBytes(StandardCharsets.UTF_8)))));
        }
    }

    private static ObjectNode step(String status, String type, String message) {
        ObjectNode result = obj().put("status", status);
        if (type != null) {
            result.put("message", type + ": " + message + "\n\tat somewhere");
            result.set("exception", obj().put("type", type).put("message", message));
        }
        return result;
    }

    private static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    private static String envelope(String kind, ObjectNode body) {
        return JSON.createObjectNode().set(kind, body).toString();
    }
}
