package fltkit.process;

import fltkit.settings.KitSettings;
import fltkit.selftest.KitRun;
import fltkit.selftest.ScenarioOutcome;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent C model (src/c/fltmodel), run through the process adapter, passes every applicable
 * scenario of every feature in every profile it claims (all five).
 */
class CModelConformanceTest {

    @ParameterizedTest
    @EnumSource(WindowsVersion.class)
    void cModelPassesEveryApplicableScenario(WindowsVersion profile) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(ProcessProvider.COMMAND, CPrograms.commandJson(CPrograms.fltmodel())),
                () -> outcomes.addAll(KitRun.run("process", profile)));

        assertThat(outcomes).as("scenarios run against the C model in %s", profile).isNotEmpty();
        assertThat(outcomes).as("the C model ran the same scenarios as the reference in %s", profile)
                .extracting(ScenarioOutcome::name)
                .containsExactlyInAnyOrderElementsOf(KitRun.reference(profile).stream().map(ScenarioOutcome::name).toList());
        assertThat(outcomes).as("scenarios the C model passed in %s", profile)
                .anyMatch(o -> o.status() == ScenarioOutcome.Status.PASSED);
        assertThat(outcomes)
                .as("scenarios that failed or broke against the C model in %s", profile)
                .filteredOn(o -> o.status() == ScenarioOutcome.Status.FAILED || o.status() == ScenarioOutcome.Status.BROKEN)
                .isEmpty();
        assertThat(outcomes)
                .as("skipped scenarios in %s must say why", profile)
                .filteredOn(o -> o.status() == ScenarioOutcome.Status.SKIPPED)
                .allMatch(o -> o.message() != null && o.message().matches("^\\[(not-applicable|not-declared|untestable)\\].*"));
        System.out.printf("C model, %s: %d passed, %d failed, %d broken, %d skipped%n", profile,
                count(outcomes, ScenarioOutcome.Status.PASSED), count(outcomes, ScenarioOutcome.Status.FAILED),
                count(outcomes, ScenarioOutcome.Status.BROKEN), count(outcomes, ScenarioOutcome.Status.SKIPPED));
    }

    static long count(List<ScenarioOutcome> outcomes, ScenarioOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }
}
