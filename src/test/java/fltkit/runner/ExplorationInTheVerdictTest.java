package fltkit.runner;

import fltkit.explore.SetsThroughDyingInstance;
import fltkit.reference.ReferenceProvider;
import fltkit.report.ConformanceSummary;
import fltkit.report.ExplorationSummary;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conformance run that explores (fltkit.explore = sequences per profile) shows what exploration found in its own
 * section of the summary, never as a documented rule's verdict, and a divergence still makes the run fail.
 */
class ExplorationInTheVerdictTest {
    @TempDir
    Path reports;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RunOutcome run(Class<?> provider) {
        return run(provider, reports, "150");
    }

    private RunOutcome run(Class<?> provider, Path into, String sequences) {
        return ConformanceRun.execute(new ConformanceRun.Options(provider.getName(), List.of(WindowsVersion.WIN11), into, null,
                Map.of(RunSettings.EXPLORE, sequences, RunSettings.ALLURE, "off", RunSettings.CUCUMBER_HTML, "false",
                        RunSettings.PROGRESS, "false")), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void aDivergenceIsItsOwnSectionAndTheRunFails(@TempDir Path unexplored) throws IOException {
        RunOutcome outcome = run(SetsThroughDyingInstance.Provider.class);
        run(SetsThroughDyingInstance.Provider.class, unexplored, "0");
        ConformanceSummary withoutExploring = ConformanceSummary.read(unexplored.resolve("conformance-summary.json"));

        ConformanceSummary summary = ConformanceSummary.read(reports.resolve("conformance-summary.json"));
        assertThat(summary.exploration()).singleElement().satisfies(explored -> {
            assertThat(explored.profile()).isEqualTo("win11");
            assertThat(explored.sequences()).isEqualTo(150);
            assertThat(explored.divergences()).extracting(ExplorationSummary.Found::rule).contains("SET-012");
            assertThat(explored.divergences()).allMatch(d -> d.scenario().contains("Scenario: " + d.rule()));
        });
        assertThat(summary.headline().get("win11")).as("exploration is no rule's verdict: the headline is the scenarios' alone")
                .isEqualTo(withoutExploring.headline().get("win11"));
        assertThat(outcome.exitCode()).as("a divergence is something that failed").isEqualTo(RunOutcome.NOT_CONFORMANT);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^fltkit: exploration of win11 \\(seed 1\\): 150 "
                + "sequences, \\d+ calls, \\d+ divergences? \\(.*SET-012");
        assertThat(reports.resolve("conformance-summary.html")).content().contains("id=\"exploration-win11\"")
                .contains("SET-012 found by exploration");
    }

    @Test
    void theReferenceExploredFindsNothing() throws IOException {
        RunOutcome outcome = run(ReferenceProvider.class);

        assertThat(outcome.exitCode()).isZero();
        ConformanceSummary summary = ConformanceSummary.read(reports.resolve("conformance-summary.json"));
        assertThat(summary.exploration()).singleElement().satisfies(explored -> assertThat(explored.divergences()).isEmpty());
        assertThat(summary.headline().get("win11").verdict()).isEqualTo(ConformanceSummary.CONFORMS);
    }
}
