package fltkit.process;

import fltkit.rules.Outcome;
import fltkit.settings.KitSettings;
import fltkit.selftest.KitRun;
import fltkit.selftest.ScenarioOutcome;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

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
                .anyMatch(ScenarioOutcome::passed);
        assertThat(outcomes)
                .as("scenarios that failed, broke or hit a kit error against the C model in %s", profile)
                .filteredOn(ScenarioOutcome::wentWrong)
                .isEmpty();
        assertThat(outcomes)
                .as("skipped scenarios in %s must start with the reason's marker", profile)
                .filteredOn(ScenarioOutcome::skipped)
                .allMatch(o -> o.message().startsWith(o.outcome().marker()));
        System.out.printf("C model, %s: %s%n", profile, summary(outcomes));
    }

    /** How many scenarios ended in each outcome, e.g. "290 passed, 12 recorded, 21 not applicable". */
    static String summary(List<ScenarioOutcome> outcomes) {
        Map<Outcome, Long> counts = outcomes.stream()
                .collect(Collectors.groupingBy(ScenarioOutcome::outcome, () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
    }
}
