package fltkit.runner;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.report.ConformanceSummary;
import fltkit.report.ConformanceSummary.Headline;
import fltkit.report.ScenarioRun;
import fltkit.report.ConformanceSummary.RuleRow;
import fltkit.rules.Outcome;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every outcome is charged to its real cause: implementations made for each case, run through the engine in
 * win11, and the verdict the run gives them.
 */
class VerdictTest {
    @TempDir
    Path reports;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private RunOutcome run(Class<?> provider, Map<String, String> settings) {
        return ConformanceRun.execute(new ConformanceRun.Options(provider.getName(), List.of(WindowsVersion.WIN11), reports,
                null, Map.of("fltkit.allure", "off", "fltkit.cucumber-html", "false", "fltkit.progress", "false")
                        .entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue,
                                (a, b) -> a, () -> new java.util.HashMap<>(settings)))), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private static Stream<ScenarioRun> scenarios(ConformanceSummary summary) {
        return summary.rules().stream().flatMap(r -> r.profiles().get("win11").scenarios().stream());
    }

    /** Answers FltAllocateContext with null, where the SPI promises an Allocation. */
    public static class ReturnsNull extends ReferenceProvider {
        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo("returns null", "0", "fltkit self-test", "Java");
        }

        @Override
        public FilterManager create(WindowsVersion version) {
            return new ReferenceFilterManager(version) {
                @Override
                public synchronized Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                    return null;
                }
            };
        }
    }

    @Test
    void nullWhereAnObjectIsPromisedIsBrokenNeverFailedOrPassed() {
        RunOutcome outcome = run(ReturnsNull.class, Map.of());
        List<ScenarioRun> allocating = scenarios(outcome.summary()).filter(s -> s.ruleId().startsWith("ALLOC-")).toList();
        assertThat(allocating).isNotEmpty().allMatch(s -> s.outcome() == Outcome.BROKEN || s.outcome() == Outcome.NOT_APPLICABLE
                || s.outcome() == Outcome.UNTESTABLE, "ends broken");
        assertThat(allocating).filteredOn(s -> s.outcome() == Outcome.BROKEN)
                .allMatch(s -> s.message().contains("allocateContext(") && s.message().contains("returned null; the SPI promises an Allocation"));
        assertThat(outcome.summary().headline().get("win11").failingRules()).isEmpty();
        assertThat(outcome.exitCode()).as("broken scenarios: something went wrong").isEqualTo(RunOutcome.NOT_CONFORMANT);
    }

    /** Never returns from its first three FltAllocateContext calls for ContextSize 65535 (each one costs the time limit). */
    public static class Hangs extends ReferenceProvider {
        static final AtomicInteger HUNG = new AtomicInteger();

        @Override
        public FilterManager create(WindowsVersion version) {
            return new ReferenceFilterManager(version) {
                @Override
                public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                    if (contextSize == 65535 && HUNG.getAndIncrement() < 2) {
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return super.allocateContext(filter, contextType, contextSize, poolType);
                }
            };
        }
    }

    @Test
    void aHungCallBreaksItsScenarioWithinTheTimeLimitAndTheRunGoesOn() {
        // Long enough that an ordinary call on a loaded machine never reaches it; the hung ones always do.
        Hangs.HUNG.set(0);
        RunOutcome outcome = run(Hangs.class, Map.of("fltkit.call-timeout-ms", "2000"));
        List<ScenarioRun> hung = scenarios(outcome.summary()).filter(s -> s.outcome() == Outcome.BROKEN).toList();
        assertThat(hung).hasSize(2).allMatch(s -> s.outcome() == Outcome.BROKEN && s.message().contains("did not return from "
                + "allocateContext(") && s.message().contains("within 2000 ms"));
        assertThat(scenarios(outcome.summary()).filter(s -> s.outcome() == Outcome.PASSED).count()).as("the run went on").isGreaterThan(200);
        assertThat(reports.resolve("conformance-summary.json")).isNotEmptyFile();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("fltkit: win11: INCOMPLETE");
    }

    /** Implements the five core routines and two roles only. */
    public static class TwoCapabilities extends ReferenceProvider {
        @Override
        public FilterManager create(WindowsVersion version) {
            ReferenceFilterManager full = new ReferenceFilterManager(version);
            return new TwoRoles(full);
        }
    }

    static final class TwoRoles implements FilterManager, ContextInspection, CallbackEvents {
        private final ReferenceFilterManager full;

        TwoRoles(ReferenceFilterManager full) {
            this.full = full;
        }

        @Override public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) { return full.registerFilter(registrations, terminated); }
        @Override public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) { return full.allocateContext(filter, contextType, contextSize, poolType); }
        @Override public void referenceContext(long context) { full.referenceContext(context); }
        @Override public void releaseContext(long context) { full.releaseContext(context); }
        @Override public void deleteContext(long context) { full.deleteContext(context); }
        @Override public ContextState inspectContext(long context) { return full.inspectContext(context); }
        @Override public List<fltkit.spi.CallbackEvent> takeCallbackEvents() { return full.takeCallbackEvents(); }
    }

    @Test
    void declaringLittleNeverEarnsConforms() {
        RunOutcome outcome = run(TwoCapabilities.class, Map.of());
        Headline headline = outcome.summary().headline().get("win11");
        assertThat(headline.verdict()).isEqualTo(ConformanceSummary.INCOMPLETE);
        assertThat(headline.must().exercised()).isLessThan(headline.must().applicable());
        assertThat(headline.must().notExercisedByNeed()).containsKeys("objects", "variable-size");
        assertThat(headline.sentence()).startsWith("no failures in ").contains("not exercised: ");
        assertThat(outcome.exitCode()).as("nothing failed: CI stays green unless a full run is required").isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("fltkit: win11: INCOMPLETE, no failures in ")
                .doesNotContain("CONFORMS,");

        output.reset();
        RunOutcome full = run(TwoCapabilities.class, Map.of(RunSettings.REQUIRE_FULL, "true"));
        assertThat(full.exitCode()).isEqualTo(RunOutcome.NOT_CONFORMANT);
        assertThat(full.refusals()).containsKey("win11");
    }

    /** Throws a StackOverflowError from FltReferenceContext, an exception from close, and every 50th create an OutOfMemoryError. */
    public static class ThrowsErrors extends ReferenceProvider {
        private int created;

        @Override
        public synchronized FilterManager create(WindowsVersion version) {
            if (++created % 50 == 0) {
                throw new OutOfMemoryError("the provider ran out of memory");
            }
            return new ReferenceFilterManager(version) {
                @Override
                public synchronized void referenceContext(long context) {
                    throw new StackOverflowError();
                }

                @Override
                public void close() {
                    throw new IllegalStateException("close went wrong");
                }
            };
        }
    }

    @Test
    void anyThrowableFromTheImplementationOrItsProviderBreaksOnlyItsScenario() {
        RunOutcome outcome = run(ThrowsErrors.class, Map.of());
        List<ScenarioRun> all = scenarios(outcome.summary()).toList();
        assertThat(all).filteredOn(s -> s.outcome() == Outcome.BROKEN)
                .anyMatch(s -> s.message().contains("java.lang.StackOverflowError from referenceContext("))
                .anyMatch(s -> s.message().contains("java.lang.OutOfMemoryError from create(win11): the provider ran out of memory"))
                .anyMatch(s -> s.message().contains("java.lang.IllegalStateException from close(): close went wrong"));
        assertThat(all).as("no Throwable is counted as a rule's failure").noneMatch(s -> s.outcome() == Outcome.FAILED);
        assertThat(reports.resolve("conformance-summary.html")).isNotEmptyFile();
    }

    @Test
    void theReferenceConformsInEveryWay() {
        RunOutcome outcome = run(ReferenceProvider.class, Map.of());
        Headline headline = outcome.summary().headline().get("win11");
        assertThat(headline.verdict()).isEqualTo(ConformanceSummary.CONFORMS);
        assertThat(headline.must().exercised()).isEqualTo(headline.must().applicable());
        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.summary().rules()).filteredOn(r -> r.level().equals("MUST")).map(RuleRow::id).isNotEmpty();
    }
}
