package fltkit.process;

import fltkit.rules.Outcome;
import fltkit.settings.KitSettings;
import fltkit.selftest.KitRun;
import fltkit.selftest.ScenarioOutcome;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader sees of a non-conforming implementation: the stub in src/c/stub answers every
 * FltAllocateContext with STATUS_NOT_SUPPORTED, as some emulators do. The ALLOC rules that expect
 * anything else fail, naming the status; nothing is broken, because the stub never misbehaves at the
 * protocol level; what needs a capability it does not declare is skipped as not declared.
 */
class StubReportTest {

    @Test
    void aStubThatSupportsNoAllocationFailsTheAllocationRulesAndBreaksNothing() {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(ProcessProvider.COMMAND, CPrograms.commandJson(CPrograms.stub())),
                () -> outcomes.addAll(KitRun.run("process", WindowsVersion.WIN11)));
        System.out.printf("stub, win11: %s%n", CModelConformanceTest.summary(outcomes));

        assertThat(outcomes).as("scenarios run against the stub").isNotEmpty();
        assertThat(outcomes).as("scenarios that broke against the stub (it never leaves the protocol; only recorded rules "
                        + "whose set-up it refuses cannot record)")
                .noneMatch(o -> o.outcome() == Outcome.BROKEN && !o.message().contains("could not be recorded"));
        assertThat(outcomes).as("kit errors against the stub (the kit's own mistakes)").noneMatch(o -> o.outcome() == Outcome.KIT_ERROR);
        List<ScenarioOutcome> failedAllocations = outcomes.stream()
                .filter(o -> o.outcome() == Outcome.FAILED && o.ruleId().startsWith("ALLOC-"))
                .toList();
        assertThat(failedAllocations).as("ALLOC scenarios failed by the stub").isNotEmpty();
        assertThat(failedAllocations).as("every failed ALLOC scenario names the rule and STATUS_NOT_SUPPORTED")
                .allMatch(o -> o.message().contains(o.ruleId()) && o.message().contains("STATUS_NOT_SUPPORTED (0xC00000BB)"));
        assertThat(outcomes).as("scenarios that expect STATUS_SUCCESS from FltAllocateContext cannot pass against the stub")
                .filteredOn(o -> o.passed() && o.name().contains("ALLOC-001"))
                .isEmpty();
        assertThat(outcomes).as("scenarios skipped against the stub say why")
                .filteredOn(ScenarioOutcome::skipped)
                .allMatch(o -> o.message().startsWith(o.outcome().marker()));
    }
}
