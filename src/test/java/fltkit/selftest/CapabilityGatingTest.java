package fltkit.selftest;

import fltkit.reference.ReferenceProvider;
import fltkit.rules.Outcome;
import fltkit.spi.Allocation;
import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kit never calls what an implementation does not declare: against one that implements only the
 * five core routines (no role), or every role but transactions, no scenario fails or breaks (the leak
 * check included); scenarios needing more are "not declared".
 */
class CapabilityGatingTest {
    private static final WindowsVersion PROFILE = WindowsVersion.WIN11;

    /** The reference's five core routines only, and no role. */
    public static class MandatoryOnly extends ReferenceProvider {
        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("mandatory routines only", "0", "fltkit self-test", "Java");
        }

        @Override
        public FilterManager create(WindowsVersion version) {
            FilterManager reference = super.create(version);
            return new FilterManager() {
                @Override
                public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                    return reference.registerFilter(registrations, terminated);
                }

                @Override
                public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                    return reference.allocateContext(filter, contextType, contextSize, poolType);
                }

                @Override
                public void referenceContext(long context) {
                    reference.referenceContext(context);
                }

                @Override
                public void releaseContext(long context) {
                    reference.releaseContext(context);
                }

                @Override
                public void deleteContext(long context) {
                    reference.deleteContext(context);
                }
            };
        }
    }

    /** The reference without the transactions role. */
    private static final Mutant NO_TRANSACTIONS = Mutant.mutant("NoTransactions").without(Capability.TRANSACTIONS).build();

    @Test
    void anImplementationOfTheMandatoryRoutinesOnlyIsNeverCalledBeyondThem() {
        List<ScenarioOutcome> outcomes = KitRun.run(MandatoryOnly.class.getName(), PROFILE);
        assertThat(outcomes).filteredOn(ScenarioOutcome::wentWrong)
                .as("scenarios that failed, broke or hit a kit error against the mandatory routines only").isEmpty();
        assertThat(outcomes).filteredOn(o -> o.outcome() == Outcome.NOT_DECLARED)
                .anyMatch(o -> o.message().startsWith("[not-declared] needs capability 'objects'"));
    }

    @Test
    void transactionExamplesAreNotDeclaredWithoutTransactions() {
        List<ScenarioOutcome> outcomes = KitRun.run(NO_TRANSACTIONS, PROFILE);
        assertThat(outcomes).filteredOn(ScenarioOutcome::wentWrong)
                .as("scenarios that failed, broke or hit a kit error without transactions").isEmpty();
        assertThat(outcomes).filteredOn(o -> o.name().contains("FLT_TRANSACTION_CONTEXT") && o.name().startsWith("SET-001"))
                .isNotEmpty()
                .allMatch(o -> o.outcome() == Outcome.NOT_DECLARED && o.message().contains("'transactions'"));
    }
}
