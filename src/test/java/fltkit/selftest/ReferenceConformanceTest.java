package fltkit.selftest;

import fltkit.spi.WindowsVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference implementation passes every applicable scenario in every Windows profile. */
class ReferenceConformanceTest {

    @ParameterizedTest
    @EnumSource(WindowsVersion.class)
    void referencePassesEveryApplicableScenario(WindowsVersion profile) {
        // Not the per-JVM KitRun.reference cache: PIT (-Pmutation) runs this test against one mutant after
        // another in the same JVM, after a discovery run of the unmutated reference.
        List<ScenarioOutcome> outcomes = KitRun.run("reference", profile);
        assertThat(outcomes).as("scenarios run in %s", profile).isNotEmpty();
        assertThat(outcomes)
                .as("scenarios that failed or broke against the reference in %s", profile)
                .filteredOn(o -> o.status() == ScenarioOutcome.Status.FAILED || o.status() == ScenarioOutcome.Status.BROKEN)
                .isEmpty();
        assertThat(outcomes).as("scenarios after which the kit's own checks found something against the reference in %s", profile)
                .filteredOn(o -> o.kitCheck() != null).isEmpty();
        assertThat(outcomes).as("the reference declares every capability, so nothing is 'not declared' in %s", profile)
                .noneMatch(o -> o.status() == ScenarioOutcome.Status.SKIPPED && o.message().startsWith("[not-declared]"));
        assertThat(outcomes)
                .as("skipped scenarios in %s must say why (not applicable, not declared or untestable)", profile)
                .filteredOn(o -> o.status() == ScenarioOutcome.Status.SKIPPED)
                .allMatch(o -> o.message() != null && o.message().matches("^\\[(not-applicable|not-declared|untestable)\\].*"));
    }
}
