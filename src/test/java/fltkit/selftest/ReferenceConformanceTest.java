package fltkit.selftest;

import fltkit.rules.Outcome;
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
        // A kit error is the kit's own mistake: it fails the kit's build like a failure of the reference.
        // A skip without a reason's marker is broken (Outcome.ofSkip), so it lands here too.
        assertThat(outcomes)
                .as("scenarios that failed, broke or hit a kit error against the reference in %s", profile)
                .filteredOn(ScenarioOutcome::wentWrong)
                .isEmpty();
        assertThat(outcomes).as("scenarios after which the kit's own checks found something against the reference in %s", profile)
                .filteredOn(o -> o.kitCheck() != null).isEmpty();
        assertThat(outcomes).as("the reference declares every capability, so nothing is 'not declared' in %s", profile)
                .noneMatch(o -> o.outcome() == Outcome.NOT_DECLARED);
        assertThat(outcomes)
                .as("skipped scenarios in %s must start with the reason's marker", profile)
                .filteredOn(ScenarioOutcome::skipped)
                .allMatch(o -> o.message().startsWith(o.outcome().marker()));
    }
}
