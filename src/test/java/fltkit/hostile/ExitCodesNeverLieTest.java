package fltkit.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.cli.Main;
import fltkit.report.ReportsFolder;
import fltkit.rules.Level;
import fltkit.rules.RuleCatalog;
import fltkit.rules.WindowsRange;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exit 0 only for a run that finished and judged something: an implementation that ends the JVM mid-run,
 * or one against which no scenario can run, never makes CI green, and no page says CONFORMS for it.
 */
class ExitCodesNeverLieTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path reports;

    /**
     * Cucumber's own settings given from outside (here as system properties, as MAVEN_OPTS or a consumer's
     * junit-platform.properties would) cannot make a dry run, other features or a filter pass for a verdict: the
     * kit's run ignores them, says so, and runs every scenario.
     */
    @Test
    void cucumberSettingsFromOutsideChangeNothingTheRunJudges() {
        Map<String, String> outside = Map.of("cucumber.execution.dry-run", "true",
                "cucumber.features", "classpath:fltkit/features/ContextZeroing.feature", "cucumber.filter.tags", "@needs:irql");
        outside.forEach(System::setProperty);
        KitCli.Result result;
        try {
            result = KitCli.inProcess("-i", "reference", "-p", "win11", "-r", reports.toString(), "--allure", "off", "--no-progress");
        } finally {
            outside.keySet().forEach(System::clearProperty);
        }
        long must = RuleCatalog.load().rules().stream().filter(r -> r.level() == Level.MUST)
                .filter(r -> WindowsRange.parse(r.windows()).contains(WindowsVersion.WIN11)).count();
        assertThat(result.exit()).as("%s", result).isEqualTo(Main.CONFORMANT);
        assertThat(result.out()).as("every applicable MUST rule, every scenario, steps that ran (values recorded)")
                .contains("win11: CONFORMS, " + must + " / " + must + " applicable MUST rules exercised and held")
                .containsPattern("; [1-9]\\d{2,} scenarios: [1-9]\\d* passed, [1-9]\\d* recorded, 0 failed");
        for (String key : outside.keySet()) {
            assertThat(result.out()).contains("fltkit: ignored " + key + ", set outside the kit");
        }
    }

    @Test
    void anImplementationThatEndsTheJvmMidRunNeverExitsZero() throws Exception {
        Map<String, String> mine = UserFiles.plant(reports, ReportsFolder.MARKER, "README.md", "notes/todo.txt");

        // Its own JVM: the run ends it. A --tags run is PARTIAL, which must not make an exit look any better.
        KitCli.Result result = KitCli.child(List.of(), "-i", ExitsMidRun.class.getName(), "-p", "win11", "-t", "@needs:irql",
                "-r", reports.toString());

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.CUT_SHORT);
        assertThat(result.problems()).as("%s", result).first().asString()
                .startsWith("fltkit: the JVM was made to exit during the run (System.exit called from "
                        + ExitsMidRun.class.getName() + ".create(ExitsMidRun.java:")
                .contains("no verdict", "exit status " + Main.CUT_SHORT);
        assertThat(result.out()).as("no closing line").doesNotContain("win11:");
        JsonNode summary = JSON.readTree(reports.resolve("conformance-summary.json").toFile());
        assertThat(summary.path("run").path("incomplete").asText()).contains("the JVM was made to exit during the run");
        assertThat(reports.resolve("conformance-summary.html")).content().contains("INCOMPLETE RUN")
                .contains("NO VERDICT").doesNotContain(">CONFORMS<");
        JsonNode manifest = JSON.readTree(reports.resolve(ReportsFolder.MANIFEST).toFile());
        assertThat(manifest.path("complete").asBoolean(true)).as("the manifest marks the run unfinished").isFalse();
        assertThat(manifest.path("written").toString()).contains("conformance-summary.json");
        assertThat(UserFiles.fingerprint(reports)).containsAllEntriesOf(mine);
    }

    @Test
    void anImplementationThatClaimsNoProfileHasNoVerdict() throws IOException {
        Map<String, String> mine = UserFiles.plant(reports, ReportsFolder.MARKER, "README.md");

        KitCli.Result result = KitCli.inProcess("-i", ClaimsNoProfile.class.getName(), "-p", "win11", "-r", reports.toString());

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.NO_VERDICT);
        assertThat(result.out()).containsPattern("(?m)^fltkit: win11: NO VERDICT, none of the \\d+ applicable MUST rules could be "
                + "exercised; \\d+ scenarios: 0 passed, 0 recorded, 0 failed, 0 broken, [1-9]\\d* skipped");
        assertThat(result.problems()).as("%s", result).singleElement().asString()
                .contains("win11: NO VERDICT", "the implementation does not claim the win11 profile",
                        "FilterManagerProvider.windowsVersions()");
        assertNoPageConforms();
        assertThat(UserFiles.fingerprint(reports)).containsAllEntriesOf(mine);
    }

    @Test
    void aPartialRunInWhichEveryScenarioWasSkippedIsNotGreenEither() throws IOException {
        Map<String, String> mine = UserFiles.plant(reports, ReportsFolder.MARKER, "README.md");

        // Every section scenario needs capabilities this implementation does not declare.
        KitCli.Result result = KitCli.inProcess("-i", DeclaresNothing.class.getName(), "-p", "win11", "-t", "@needs:sections",
                "-r", reports.toString());

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.NO_VERDICT);
        assertThat(result.problems()).as("%s", result).singleElement().asString()
                .contains("win11: NO VERDICT", "needs a capability the implementation does not declare", "sections");
        assertNoPageConforms();
        assertThat(UserFiles.fingerprint(reports)).containsAllEntriesOf(mine);
    }

    private void assertNoPageConforms() throws IOException {
        assertThat(reports.resolve("conformance-summary.html")).content()
                .contains("NO VERDICT").contains("could be exercised").doesNotContain(">CONFORMS<");
        JsonNode headline = JSON.readTree(reports.resolve("conformance-summary.json").toFile()).path("headline").path("win11");
        assertThat(headline.path("conformant").asBoolean(true)).as("the summary's conformant flag").isFalse();
    }
}
