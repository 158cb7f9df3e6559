package fltkit.selftest;

import fltkit.rules.Outcome;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An implementation that throws from FltAllocateContext is broken, not non-conformant: every scenario
 * that allocates must end BROKEN (never FAILED), and every scenario that does not must end as it does
 * against the reference.
 */
class ThrowingImplementationTest {
    private static final WindowsVersion PROFILE = WindowsVersion.WIN11;
    /** Per filter manager the spy created, in creation order: whether FltAllocateContext was called on it. */
    private static final List<boolean[]> ALLOCATED = Collections.synchronizedList(new ArrayList<>());

    /** Throws from FltAllocateContext, as an adapter that lost its process would. */
    private static final Mutant THROWING = Mutant.mutant("Throwing")
            .allocateContext((ref, filter, type, size, pool) -> {
                throw new IllegalStateException("the adapter lost its connection");
            })
            .build();

    /** The reference, noting which scenario's filter manager FltAllocateContext was called on. */
    private static final Mutant SPY = Mutant.mutant("Spy")
            .perScenario(m -> {
                boolean[] called = new boolean[1];
                ALLOCATED.add(called);
                m.allocateContext((ref, filter, type, size, pool) -> {
                    called[0] = true;
                    return ref.allocateContext(filter, type, size, pool);
                });
            })
            .build();

    @Test
    void scenariosThatAllocateAreBrokenAndTheOthersUnaffected() {
        ALLOCATED.clear();
        List<ScenarioOutcome> spied = KitRun.run(SPY, PROFILE);
        // The hooks skip out-of-profile and undeclared scenarios before a filter manager is created.
        List<ScenarioOutcome> ran = spied.stream()
                .filter(o -> o.outcome() != Outcome.NOT_APPLICABLE && o.outcome() != Outcome.NOT_DECLARED).toList();
        assertThat(ALLOCATED).as("one filter manager per scenario that ran").hasSize(ran.size());
        List<String> allocating = new ArrayList<>();
        for (int i = 0; i < ran.size(); i++) {
            if (ALLOCATED.get(i)[0]) {
                allocating.add(ran.get(i).name());
            }
        }
        assertThat(allocating).as("scenarios that call FltAllocateContext").isNotEmpty().hasSizeLessThan(ran.size());

        Map<String, ScenarioOutcome> reference = KitRun.referenceByName(PROFILE);
        List<ScenarioOutcome> outcomes = KitRun.run(THROWING, PROFILE);
        for (ScenarioOutcome outcome : outcomes) {
            if (allocating.contains(outcome.name())) {
                assertThat(outcome.outcome()).as("%s allocates, so against a throwing implementation it is broken", outcome)
                        .isEqualTo(Outcome.BROKEN);
                assertThat(outcome.message()).as("%s says what threw", outcome.name())
                        .contains("IllegalStateException", "allocateContext");
            } else {
                assertThat(outcome.outcome()).as("%s does not allocate, so it ends as against the reference", outcome)
                        .isEqualTo(reference.get(outcome.name()).outcome());
            }
        }
        assertThat(outcomes).as("scenarios that still pass").anyMatch(ScenarioOutcome::passed);
    }
}
