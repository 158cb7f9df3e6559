package fltkit.selftest;

import fltkit.rules.Outcome;
import fltkit.spi.BugCheck;
import fltkit.spi.ContextType;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bug check is an acceptable answer to a broken caller contract and nowhere else: the CALLER-CONTRACT
 * scenarios it hits still pass (the harness survived and recorded it); a scenario whose minifilter kept
 * to its contract fails its rule, with a message saying the machine was stopped.
 */
class BugCheckOutcomeTest {
    private static final WindowsVersion PROFILE = WindowsVersion.WIN11;

    /** Stops the machine on contract breaches, and (wrongly) on every transaction context. */
    private static final Mutant STOPS_THE_MACHINE = Mutant.mutant("StopsTheMachine")
            .registerFilter((ref, registrations, terminated) -> {
                if (!terminated) {
                    throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, 0, "read past the registration array");
                }
                return ref.registerFilter(registrations, terminated);
            })
            .allocateContext((ref, filter, type, size, pool) -> {
                boolean pagedVolume = type == ContextType.VOLUME.value() && pool == PoolType.PAGED_POOL;
                if (size == 0 || pagedVolume || type == ContextType.TRANSACTION.value()) {
                    throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, 0, "stopped in FltAllocateContext");
                }
                return ref.allocateContext(filter, type, size, pool);
            })
            .build();

    /** Life-cycle scenarios about transaction contexts (their Examples name the type, or the rule is about transactions). */
    private static boolean mentionsTransactionContexts(ScenarioOutcome outcome) {
        return outcome.name().contains("FLT_TRANSACTION_CONTEXT") || outcome.ruleId().equals("AUTO-003");
    }

    @Test
    void bugChecksAreRecordedForCallerContractsAndFailTheRuleElsewhere() {
        Map<String, ScenarioOutcome> reference = KitRun.referenceByName(PROFILE);
        List<ScenarioOutcome> outcomes = KitRun.run(STOPS_THE_MACHINE, PROFILE);
        for (ScenarioOutcome outcome : outcomes) {
            if (mentionsTransactionContexts(outcome) && outcome.outcome() == Outcome.FAILED) {
                assertThat(outcome.message()).as("%s: failed by the bug check in FltAllocateContext", outcome)
                        .contains(outcome.ruleId() + " violated").contains("stopped the machine").contains("stopped in FltAllocateContext");
            } else if (outcome.name().startsWith("ALLOC-003 type value 0x0020") || outcome.name().startsWith("ACB-004 a FLT_TRANSACTION_CONTEXT")) {
                assertThat(outcome.outcome()).as("%s: a bug check in a MUST scenario", outcome).isEqualTo(Outcome.FAILED);
            } else {
                assertThat(outcome.outcome()).as("%s ends as against the reference", outcome).isEqualTo(reference.get(outcome.name()).outcome());
            }
        }
        assertThat(outcomes).as("the caller-contract scenarios the bug checks hit")
                .filteredOn(o -> o.ruleId().equals("REG-002") || o.ruleId().equals("ALLOC-008") || o.ruleId().equals("ALLOC-017"))
                .isNotEmpty()
                .allMatch(o -> o.outcome() == Outcome.RECORDED);
    }
}
