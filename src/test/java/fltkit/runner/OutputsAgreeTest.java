package fltkit.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.report.ConformanceSummary;
import fltkit.report.ConformanceSummary.Headline;
import fltkit.rules.Outcome;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.Irql;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * One run, every output: the summary JSON, the JUnit XML, the Allure results, the closing line and the JUnit
 * Platform's own events (what Surefire counts and prints in the Maven log) agree on every count. The
 * implementation is made to produce each kind of outcome: a failed rule, broken scenarios, kit-check
 * breaches, recorded values, skips.
 */
class OutputsAgreeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path reports;
    private static EngineExecutionResults events;
    private static String log;

    /** Lets ContextSize 65536 through, breaks on IRQL changes, and loses a pool block at every transaction end. */
    public static class EveryKindOfOutcome extends ReferenceProvider {
        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("every kind of outcome", "0", "fltkit self-test", "Java");
        }

        @Override
        public FilterManager create(WindowsVersion version) {
            return new ReferenceFilterManager(version) {
                private long lost;

                @Override
                public synchronized Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                    return super.allocateContext(filter, contextType, Math.min(contextSize, 0xFFFF), poolType);
                }

                @Override
                public synchronized void setCallerIrql(Irql irql) {
                    throw new IllegalStateException("no IRQL here");
                }

                @Override
                public synchronized void endTransaction(long transaction, boolean commit) {
                    super.endTransaction(transaction, commit);
                    lost++;
                }

                @Override
                public synchronized PoolSnapshot pool() {
                    PoolSnapshot real = super.pool();
                    return new PoolSnapshot(real.outstandingBlocks() + lost, real.outstandingBytes(), real.liveContexts());
                }
            };
        }
    }

    @BeforeAll
    static void runOnce() throws IOException {
        reports = Files.createTempDirectory("fltkit-agree");
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            events = EngineTestKit.engine(FltkitEngine.ID)
                    .selectors(selectUniqueId("[engine:" + FltkitEngine.ID + "]"))
                    .configurationParameters(Map.of("fltkit.implementation", EveryKindOfOutcome.class.getName(),
                            "fltkit.profile", "win11", "fltkit.reports", reports.toString(), "fltkit.allure", "results",
                            "fltkit.cucumber-html", "false", "fltkit.progress", "false"))
                    .execute();
        } finally {
            System.setOut(previous);
        }
        log = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyOutputCountsTheSame() throws IOException {
        ConformanceSummary summary = ConformanceSummary.read(reports.resolve("conformance-summary.json"));
        Headline headline = summary.headline().get("win11");
        long breaches = headline.kitCheckBreaches().get("KIT-LEAK-001");
        long passed = headline.count(Outcome.PASSED) + headline.count(Outcome.RECORDED);
        long failures = headline.count(Outcome.FAILED) + breaches;
        long errors = headline.count(Outcome.BROKEN) + headline.count(Outcome.KIT_ERROR);
        long skipped = headline.count(Outcome.NOT_APPLICABLE) + headline.count(Outcome.NOT_DECLARED) + headline.count(Outcome.UNTESTABLE);
        assertThat(headline.count(Outcome.FAILED)).as("the run has failures").isPositive();
        assertThat(headline.count(Outcome.BROKEN)).as("the run has broken scenarios").isPositive();
        assertThat(breaches).as("the run has kit-check breaches").isPositive();
        assertThat(headline.count(Outcome.RECORDED)).as("the run has recorded values").isPositive();
        assertThat(skipped).as("the run has skips").isPositive();

        String junit = Files.readString(reports.resolve("win11").resolve("junit.xml"), StandardCharsets.UTF_8);
        assertThat(attribute(junit, "tests")).isEqualTo(headline.totalScenarios() + breaches);
        assertThat(attribute(junit, "failures")).isEqualTo(failures);
        assertThat(attribute(junit, "errors")).isEqualTo(errors);
        assertThat(attribute(junit, "skipped")).isEqualTo(skipped);
        assertThat(junit).as("the JUnit XML names the kit that judged, as the summary does")
                .contains("<property name=\"fltkit.kit.commit\" value=\"" + summary.run().kitCommit() + "\"")
                .contains("<property name=\"fltkit.kit.version\" value=\"" + summary.run().kitVersion() + "\"");

        List<Event> finished = events.testEvents().finished().list();
        assertThat(finished).as("JUnit Platform tests (the Maven log)").hasSize((int) (headline.totalScenarios() + breaches));
        assertThat(count(finished, TestExecutionResult.Status.SUCCESSFUL, null)).isEqualTo(passed);
        assertThat(count(finished, TestExecutionResult.Status.FAILED, true)).as("Surefire's Failures").isEqualTo(failures);
        assertThat(count(finished, TestExecutionResult.Status.FAILED, false)).as("Surefire's Errors").isEqualTo(errors);
        assertThat(count(finished, TestExecutionResult.Status.ABORTED, null)).as("Surefire's Skipped").isEqualTo(skipped);

        Map<String, Long> allure = new HashMap<>();
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                allure.merge(result.path("status").asText(), 1L, Long::sum);
            }
        }
        assertThat(allure.getOrDefault("passed", 0L)).isEqualTo(passed);
        assertThat(allure.getOrDefault("failed", 0L)).isEqualTo(failures);
        assertThat(allure.getOrDefault("broken", 0L)).isEqualTo(errors);
        assertThat(allure.getOrDefault("skipped", 0L)).isEqualTo(skipped);

        Matcher line = Pattern.compile("(?m)^fltkit: win11: DOES NOT CONFORM, .*; (\\d+) scenarios: (\\d+) passed, (\\d+) recorded, "
                + "(\\d+) failed, (\\d+) broken, (\\d+) skipped .*; KIT-LEAK-001 breached after (\\d+) scenarios$").matcher(log);
        assertThat(line.find()).as("the closing line in %s", log).isTrue();
        assertThat(Long.parseLong(line.group(1))).isEqualTo(headline.totalScenarios());
        assertThat(Long.parseLong(line.group(2))).isEqualTo(headline.count(Outcome.PASSED));
        assertThat(Long.parseLong(line.group(3))).isEqualTo(headline.count(Outcome.RECORDED));
        assertThat(Long.parseLong(line.group(4))).isEqualTo(headline.count(Outcome.FAILED));
        assertThat(Long.parseLong(line.group(5))).isEqualTo(headline.count(Outcome.BROKEN));
        assertThat(Long.parseLong(line.group(6))).isEqualTo(skipped);
        assertThat(Long.parseLong(line.group(7))).isEqualTo(breaches);

        String page = Files.readString(reports.resolve("conformance-summary.html"), StandardCharsets.UTF_8);
        assertThat(page).contains("Scenarios: " + headline.totalScenarios() + " (")
                .contains("(" + (failures + errors) + " scenarios, ");
    }

    @Test
    void aLeakIsChargedToTheKitCheckAndAFailureToItsRuleOnly() throws IOException {
        ConformanceSummary summary = ConformanceSummary.read(reports.resolve("conformance-summary.json"));
        Headline headline = summary.headline().get("win11");
        assertThat(headline.failingRules()).containsExactly("ALLOC-002", "ALLOC-011");
        assertThat(summary.problems().get(0).rule()).as("the root cause first: %s", summary.problems()).isEqualTo("ALLOC-002");
        assertThat(summary.rules()).filteredOn(r -> r.id().startsWith("AUTO-003")).allMatch(r -> r.outcome("win11") == Outcome.PASSED);
        assertThat(summary.kitChecks().get(0).profiles().get("win11").breaches()).isNotEmpty()
                .allMatch(b -> b.message().startsWith("KIT-LEAK-001 violated after " + b.rule()));
        assertThat(summary.rules()).filteredOn(r -> !r.level().equals("MUST"))
                .as("recorded levels never show failed").noneMatch(r -> r.outcome("win11") == Outcome.FAILED);
    }

    private static long count(List<Event> finished, TestExecutionResult.Status status, Boolean assertion) {
        return finished.stream().map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() == status)
                .filter(r -> assertion == null || r.getThrowable().map(t -> t instanceof AssertionError).orElse(false) == assertion)
                .count();
    }

    private static long attribute(String junit, String name) {
        Matcher m = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(junit);
        assertThat(m.find()).as("testsuite attribute %s", name).isTrue();
        return Long.parseLong(m.group(1));
    }
}
