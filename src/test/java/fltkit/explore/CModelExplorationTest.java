package fltkit.explore;

import fltkit.process.CPrograms;
import fltkit.process.ProcessProvider;
import fltkit.settings.Implementations;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The independent C model (src/c/fltmodel), explored through the process protocol the same way as a Java
 * implementation. It passes every fixed scenario; exploration finds one thing the fixed scenarios do not ask:
 * it accepts a file, stream or stream handle context set through an instance whose teardown has begun, where
 * the set pages document STATUS_FLT_DELETING_OBJECT ("the Instance ... is being torn down"). Nothing else
 * diverges, which also tells that the freedoms are encoded right for an implementation written independently
 * of the reference.
 */
class CModelExplorationTest {
    /** What exploration finds in the C model today (see the class comment). */
    private static final List<String> KNOWN_FINDINGS = List.of("SET-012");

    @TempDir
    Path features;

    @Test
    void theCModelDivergesOnlyWhereItReallyBreaksARule() {
        String command = CPrograms.commandJson(CPrograms.fltmodel());
        ProcessProvider provider = new ProcessProvider(List.of(CPrograms.fltmodel().toString()));
        try {
            ExplorationResult result = Exploration.run(ExplorationOptions.of(provider, WindowsVersion.WIN11).withSeed(5)
                    .withSequences(300).withTimeLimit(Duration.ofMinutes(3)));

            System.out.printf("C model explored through the process protocol in win11: %d sequences, %d calls, %.1f s "
                    + "(%.0f sequences/s)%n", result.sequences(), result.calls(), result.seconds(), result.sequencesPerSecond());
            assertThat(result.kitErrors()).isEmpty();
            assertThat(result.sequences()).isEqualTo(300);
            assertThat(result.divergences()).extracting(Divergence::ruleId).isSubsetOf(KNOWN_FINDINGS);
            for (Divergence divergence : result.divergences()) {
                System.out.println(divergence.message() + "\n" + divergence.scenario());
                FeatureRun.Scenario ran = FeatureRun.printedScenario(features, divergence, Implementations.PROCESS_ALIAS,
                        WindowsVersion.WIN11, Map.of(ProcessProvider.COMMAND, command));
                assertThat(ran.status()).as("the printed scenario against the C model: %s", ran.message())
                        .isEqualTo(FeatureRun.Status.FAILED);
                assertThat(ran.message()).startsWith(divergence.ruleId() + " violated: ");
            }
        } finally {
            provider.shutdown();
        }
    }
}
