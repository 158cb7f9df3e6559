package fltkit.cli;

import fltkit.process.CPrograms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code explore} on the command line: exit codes, what it prints, and the one file it writes. */
class ExploreCommandTest {
    @TempDir
    Path reports;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReferenceExploresWithoutDivergenceAndWritesOnlyExplorationJson() throws IOException {
        int code = run("explore", "--implementation", "reference", "--sequences", "40", "--seed", "3", "--reports", reports.toString());

        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(0);
        assertThat(out()).contains("40 sequences", "0 divergence(s)", "seed 3", "exploration.json");
        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files).containsExactly(reports.resolve("exploration.json"));
        }
    }

    @Test
    void aDivergenceExitsOneAndPrintsTheShrunkScenario() {
        int code = run("explore", "-i", "fltkit.explore.LosesReferenceAtDispatch$Provider", "--sequences", "150", "--seed", "1",
                "--profile", "win11", "--reports", reports.toString());

        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(1);
        assertThat(out()).contains("REF-001 violated", "Scenario: REF-001 found by exploration",
                "the minifilter references \"A\" at DISPATCH_LEVEL", "Then \"A\" has a reference count of 2");
        assertThat(reports.resolve("exploration.json")).content().contains("\"rule\" : \"REF-001\"");
        assertThat(err()).as("progress on stderr").contains("explore: 100/150 sequences");
    }

    /** The C model once accepted sets through a dying instance (SET-012), which this seed found; it conforms since. */
    @Test
    void theCModelIsExploredThroughTheProcessProtocol() {
        int code = run("explore", "--sequences", "200", "--seed", "5", "--reports", reports.toString(), "--",
                CPrograms.fltmodel().toString());

        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(0);
        assertThat(out()).contains("explore fltmodel (C), win11: 200 sequences", "0 divergence(s)").doesNotContain("violated");
    }

    @Test
    void helpPrintsTheExploreUsage() {
        assertThat(run("explore", "--help")).isEqualTo(0);
        assertThat(out()).startsWith("usage: java -jar fltmgr-context-kit-cli.jar explore").contains("--time-limit", "exploration.json");
    }

    @Test
    void wrongCommandLinesExitTwoSayingWhatToFix() {
        assertThat(run("explore", "--sequences", "many", "-i", "reference")).isEqualTo(2);
        assertThat(err()).contains("--sequences needs a whole number");
        assertThat(run("explore", "--sequences", "10")).isEqualTo(2);
        assertThat(err()).contains("explore needs an implementation");
        assertThat(run("explore", "-i", "reference", "--profile", "all")).isEqualTo(2);
        assertThat(err()).contains("exploration runs one profile at a time");
        assertThat(run("explore", "-i", "reference", "--tags", "@must")).isEqualTo(2);
        assertThat(err()).contains("unknown option '--tags' for explore");
        assertThat(run("explore", "-i", "no.such.Provider", "--sequences", "1", "--reports", reports.toString())).isEqualTo(2);
        assertThat(err()).contains("no.such.Provider");
    }

    @Test
    void timeLimitsReadSecondsMinutesAndMilliseconds() {
        assertThat(ExploreCommand.Options.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ExploreCommand.Options.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ExploreCommand.Options.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
        assertThat(ExploreCommand.Options.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThatThrownBy(() -> ExploreCommand.Options.duration("soon")).isInstanceOf(UsageException.class);
    }
}
