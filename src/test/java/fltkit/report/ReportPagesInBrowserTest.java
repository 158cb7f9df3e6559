package fltkit.report;

import fltkit.TestJvm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.rules.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the command line against an implementation that breaks ALLOC-002, then opens the single-file
 * Allure report and the conformance summary in headless Chromium and checks what a reader sees against
 * the run's JUnit XML: the number of scenarios, the failed rule's ID and message, the not-applicable
 * count of a profile. Screenshots go to reports/screenshots/.
 *
 * <p>Without Chromium the test is skipped locally; in CI ({@code CI=true} or
 * {@code -Dfltkit.browser.required=true}) a missing Chromium fails it.
 */
class ReportPagesInBrowserTest {
    static final Path WORK = Path.of("target", "browser-check");
    static final Path REPORTS = WORK.resolve("reports");
    static final Path SCREENSHOTS = Path.of("reports", "screenshots");
    static final String BROKEN = ForgetsMaxUShort.class.getName();
    /**
     * The oldest and the newest profile: two runs of every scenario, enough for each profile's results to be told
     * apart in the report, and for vista's not-applicable count; five would take the browser checks twice as long.
     */
    static final List<String> PROFILES = List.of("vista", "win11");
    static int exitCode;

    @BeforeAll
    static void runTheKitAgainstABrokenImplementation() throws Exception {
        if (Chromium.required()) {
            assertThat(Chromium.available()).withFailMessage("CI needs Chromium at %s to check the reports "
                    + "(apt-get install -y chromium)", Chromium.BINARY).isTrue();
        }
        if (!Chromium.available()) {
            System.err.println("ReportPagesInBrowserTest skipped: no Chromium at " + Chromium.BINARY
                    + " (apt-get install -y chromium; CI=true makes this a failure)");
        }
        assumeTrue(Chromium.available(), "Chromium not installed at " + Chromium.BINARY
                + ": the report pages were not checked in a browser (apt-get install -y chromium)");
        Chromium.deleteTree(WORK);
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(List.of("-Dfltkit.allure.history=" + WORK.resolve("allure-history"), "-Dfltkit.cucumber-html=true", "fltkit.cli.Main",
                "--implementation", BROKEN, "--profile", String.join(",", PROFILES), "--reports", REPORTS.toString(),
                "--allure", "both"));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Files.createDirectories(WORK).resolve("cli.log").toFile()).start();
        assertThat(cli.waitFor(5, TimeUnit.MINUTES)).as("the command line finished within 5 minutes").isTrue();
        exitCode = cli.exitValue();
    }

    @Test
    void aFailingRunStillLeavesEveryReportAndExitsNonZero() throws IOException {
        assertThat(exitCode).as("exit code of a run with a failed MUST rule").isNotZero();
        for (String profile : PROFILES) {
            assertThat(REPORTS.resolve(profile).resolve("cucumber.html")).isNotEmptyFile();
            assertThat(REPORTS.resolve(profile).resolve("junit.xml")).isNotEmptyFile();
        }
        assertThat(REPORTS.resolve("allure-report/index.html")).isNotEmptyFile();
        assertThat(REPORTS.resolve("allure-results/categories.json")).isNotEmptyFile();
        Properties environment = new Properties();
        try (var in = Files.newBufferedReader(REPORTS.resolve("allure-results/environment.properties"))) {
            environment.load(in);
        }
        assertThat(environment.getProperty("Implementation")).isEqualTo("broken: ForgetsMaxUShort 0");
        assertThat(environment).containsKeys("Windows.profiles", "Capabilities.declared", "Kit.version", "Kit.commit", "JDK", "OS");
        assertThat(REPORTS.resolve("allure-results/executor.json")).isNotEmptyFile();
        assertThat(REPORTS.resolve("conformance-summary.json")).isNotEmptyFile();
        assertThat(WORK.resolve("allure-history/history.json")).as("history kept for the next run").isNotEmptyFile();
    }

    @Test
    void eachProfileRunIsItsOwnAllureResultNotARetry() throws IOException {
        List<String> historyIds = new ArrayList<>();
        long total = 0;
        for (String profile : PROFILES) {
            total += count(Files.readString(REPORTS.resolve(profile).resolve("junit.xml"), StandardCharsets.UTF_8), "<testcase ");
        }
        try (var files = Files.list(REPORTS.resolve("allure-results"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json")).collect(java.util.stream.Collectors.toList())) {
                Matcher id = Pattern.compile("\"historyId\"\\s*:\\s*\"([0-9a-f]+)\"").matcher(Files.readString(file));
                assertThat(id.find()).as("historyId in %s", file).isTrue();
                historyIds.add(id.group(1));
            }
        }
        assertThat(historyIds).hasSize((int) total).doesNotHaveDuplicates();
    }

    /** In Allure, a scenario that passed plainly leaves its call trace out; a failed or recorded one keeps it. */
    @Test
    void onlyScenariosThatDidNotPassPlainlyKeepTheirCallTrace() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> results = new HashMap<>();
        Set<String> traced = new HashSet<>();
        try (var files = Files.list(REPORTS.resolve("allure-results"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith("-result.json")) {
                    JsonNode result = json.readTree(file.toFile());
                    results.put(result.path("uuid").asText(), result);
                } else if (name.endsWith("-container.json")) {
                    JsonNode container = json.readTree(file.toFile());
                    boolean trace = false;
                    for (JsonNode fixture : container.path("afters")) {
                        for (JsonNode attachment : fixture.path("attachments")) {
                            trace |= attachment.path("name").asText().startsWith(RunRecorder.CALL_TRACE);
                        }
                    }
                    if (trace) {
                        container.path("children").forEach(child -> traced.add(child.asText()));
                    }
                }
            }
        }
        List<String> failed = results.entrySet().stream().filter(e -> e.getValue().path("status").asText().equals("failed"))
                .map(Map.Entry::getKey).toList();
        List<String> plain = results.entrySet().stream().filter(e -> e.getValue().path("status").asText().equals("passed")
                && !e.getValue().path("labels").toString().contains("\"recorded\"")).map(Map.Entry::getKey).toList();
        List<String> recorded = results.entrySet().stream().filter(e -> e.getValue().path("labels").toString().contains("\"recorded\""))
                .map(Map.Entry::getKey).toList();
        assertThat(failed).as("failed scenarios").isNotEmpty();
        assertThat(traced).as("failed scenarios keep their call trace").containsAll(failed.stream()
                .filter(uuid -> !results.get(uuid).path("name").asText().contains(" after ")).toList());
        assertThat(traced).as("recorded scenarios keep their call trace").containsAll(recorded);
        assertThat(plain).as("plainly passed scenarios").hasSizeGreaterThan(500).noneMatch(traced::contains);
    }

    @Test
    void theSummaryPageShowsTheVerdictTheFailureAndTheCounts() throws Exception {
        Path page = REPORTS.resolve("conformance-summary.html");
        try (Chromium.Tab tab = Chromium.open(page)) {
            checkSummary(Chromium.visibleText(tab.dumpDom(null)));
            tab.screenshot(null, SCREENSHOTS.resolve("conformance-summary.png"), 1300, 1500);
        }
    }

    private static void checkSummary(String seen) throws IOException {
        assertThat(seen).contains("DOES NOT CONFORM");
        long problems = 0;
        for (String profile : PROFILES) {
            String junit = Files.readString(REPORTS.resolve(profile).resolve("junit.xml"), StandardCharsets.UTF_8);
            problems += attribute(junit, "failures") + attribute(junit, "errors");
        }
        assertThat(problems).as("failed and broken scenarios in the JUnit XML").isPositive();
        assertThat(seen).contains("Root causes: non-conformances, errors and kit-check breaches (" + problems + " scenarios")
                .contains("ALLOC-002 failed")
                .contains("vista, win11")
                .contains("ALLOC-002 violated: FltAllocateContext(…) returned STATUS_SUCCESS (0x00000000), expected "
                        + "STATUS_INVALID_BUFFER_SIZE (0xC0000206)")
                .contains("ALLOC-002 ContextSize 65536 against a variable-size definition gives STATUS_INVALID_BUFFER_SIZE");
        for (String profile : PROFILES) {
            String junit = Files.readString(REPORTS.resolve(profile).resolve("junit.xml"), StandardCharsets.UTF_8);
            assertThat(seen).contains("Scenarios: " + count(junit, "<testcase ") + " (");
            long notApplicable = count(junit, "<skipped message=\"[not-applicable]");
            if (profile.equals("vista")) {
                assertThat(notApplicable).as("vista has rules for later Windows versions only").isPositive();
            }
            assertThat(seen).contains(profile + " ").contains("Not applicable scenarios: " + notApplicable);
        }
    }

    @Test
    void theAllureReportOpensFromTheFileSystemWithTheTotalAndTheFailedRule() throws Exception {
        Path page = REPORTS.resolve("allure-report/index.html");
        long total = 0;
        for (String profile : PROFILES) {
            total += count(Files.readString(REPORTS.resolve(profile).resolve("junit.xml"), StandardCharsets.UTF_8), "<testcase ");
        }
        // One load of the report (a large page: every result is inside it), its views shown one after the other.
        try (Chromium.Tab tab = Chromium.open(page)) {
            checkAllure(tab, total);
        }
    }

    private static void checkAllure(Chromium.Tab tab, long total) throws Exception {
        String overview = Chromium.visibleText(tab.dumpDom(null));
        assertThat(overview).contains(total + " test cases").contains("Filter Manager context conformance: broken: ForgetsMaxUShort");
        String categoriesDom = tab.dumpDom("categories");
        String categories = Chromium.visibleText(categoriesDom);
        assertThat(categories).contains("Non-conformance: a rule failed")
                .contains("ALLOC-002 violated: FltAllocateContext(FLT_STREAM_CONTEXT, ContextSize=65536, PagedPool)")
                .contains("ALLOC-002 ContextSize 65536 against a variable-size definition gives STATUS_INVALID_BUFFER_SIZE");
        Matcher failed = Pattern.compile("href=\"#(categories/[0-9a-f]+/[0-9a-f]+/)\"").matcher(categoriesDom);
        assertThat(failed.find()).as("the failed category lists its results").isTrue();
        String detail = Chromium.visibleText(tab.dumpDom(failed.group(1)));
        assertThat(detail).contains("ALLOC-002 violated").contains("Windows profile").contains("critical")
                .contains("ALLOC-002 in the conformance summary").contains("Source: \"FltAllocateContext function (fltkernel.h)\"")
                .contains("Level: MUST");
        tab.screenshot(failed.group(1), SCREENSHOTS.resolve("allure-failed-rule.png"), 1400, 1100);
        tab.screenshot(null, SCREENSHOTS.resolve("allure-overview.png"), 1400, 1000);
        tab.screenshot("categories", SCREENSHOTS.resolve("allure-categories.png"), 1400, 1000);
        tab.screenshot("suites", SCREENSHOTS.resolve("allure-suites.png"), 1400, 1000);
    }

    static long attribute(String junit, String name) {
        Matcher m = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(junit);
        assertThat(m.find()).as("testsuite attribute %s", name).isTrue();
        return Long.parseLong(m.group(1));
    }

    static long count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
