package fltkit.cli;

import fltkit.reference.ReferenceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end, in process: exit codes, messages, and real runs. */
class MainTest {
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
    void theReferencePassesInOneProfileAndExitsZero() {
        int code = run("--implementation", "reference", "--profile", "win10", "--reports", reports.toString(), "--explore", "5");
        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(Main.CONFORMANT);
        assertThat(out()).as("--explore 5 explores the profile after its scenarios")
                .containsPattern("(?m)^fltkit: exploration of win10 \\(seed 1\\): 5 sequences, \\d+ calls, 0 divergences");
        assertThat(out()).containsPattern("(?m)^fltkit: win10: CONFORMS, \\d+ / \\d+ applicable MUST rules exercised and held; \\d+ scenarios: [1-9]\\d* passed, \\d+ recorded, 0 failed, 0 broken, \\d+ skipped")
                .doesNotContain("PARTIAL").doesNotContain("win11:");
        assertThat(reports.resolve("win10").resolve("junit.xml")).exists();
        assertThat(err()).doesNotContain("PARTIAL");
    }

    @Test
    void aBrokenImplementationExitsOne() {
        // No Allure report (10 s of a 16 s run): a failing run that writes one is ReportPagesInBrowserTest's and
        // ImplementationTextIsDataTest's; theReferencePassesInOneProfileAndExitsZero writes one and exits 0.
        int code = run("-i", "fltkit.report.ForgetsMaxUShort", "-p", "win11", "-r", reports.toString(), "--allure", "off");
        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(Main.NOT_CONFORMANT);
        assertThat(out()).containsPattern("(?m)^fltkit: win11: DOES NOT CONFORM, [1-9]\\d* of \\d+ applicable MUST rules failed \\([^)]*ALLOC-002[^)]*\\); \\d+ scenarios: \\d+ passed, \\d+ recorded, [1-9]\\d* failed");
    }

    @Test
    void aTagFilteredRunSaysLoudlyThatItIsPartial() {
        // No Allure report: partial runs that write one and exit NO_VERDICT are in UsersFilesSurviveTest and ExitCodesNeverLieTest.
        int code = run("-i", "reference", "-p", "win11", "--tags", "@must", "-r", reports.toString(), "--allure", "off");
        assertThat(code).as("a PARTIAL run establishes no verdict, even when nothing failed").isEqualTo(Main.NO_VERDICT);
        assertThat(err()).contains("PARTIAL RUN", "--tags '@must'", "establishes no conformance");
        assertThat(out()).containsPattern("(?m)^fltkit: win11: PARTIAL, .* \\[PARTIAL: --tags @must\\]$");
    }

    @Test
    void aTagFilterMatchingNothingIsAUsageError() {
        assertThat(run("-i", "reference", "-p", "win11", "--tags", "@no-such-tag", "-r", reports.toString())).isEqualTo(Main.USAGE);
        assertThat(err()).contains("matches no scenario");
    }

    @Test
    void listRulesPrintsTheCatalogueWithoutRunning() {
        assertThat(run("--list-rules")).isEqualTo(Main.CONFORMANT);
        assertThat(out()).contains("ALLOC-001", "MUST", "source:");
        assertThat(out()).doesNotContain("passed");
    }

    @Test
    void versionNamesTheKitAndTheCommitItWasBuiltFrom() {
        assertThat(run("--version")).isEqualTo(Main.CONFORMANT);
        // The build records both in fltkit/kit.properties; outside a git checkout the commit reads "unknown".
        assertThat(out()).containsPattern("^fltkit \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{12}|unknown)\\), Java \\S+")
                .doesNotContain("${");
        assertThat(out().lines()).hasSize(1);
    }

    @Test
    void runControlsReachTheEngine() {
        // Two roles only: INCOMPLETE, which --require-full turns into a failure; no Allure output, no progress lines.
        int code = run("-i", "fltkit.runner.VerdictTest$TwoCapabilities", "-p", "win11", "-r", reports.toString(),
                "--allure", "off", "--no-progress", "--require-full");
        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(Main.NOT_CONFORMANT);
        assertThat(out()).containsPattern("(?m)^fltkit: win11: INCOMPLETE, ").doesNotContain("fltkit: win11 · ");
        assertThat(err()).contains("fltkit.require-full");
        assertThat(reports.resolve("allure-results")).doesNotExist();
        assertThat(reports.resolve("allure-report")).doesNotExist();
        assertThat(reports.resolve("conformance-summary.json")).exists();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(run("--help")).isEqualTo(Main.CONFORMANT);
        assertThat(out()).startsWith("usage: java -jar").contains("--list-rules");
    }

    @Test
    void noAdapterIsAUsageErrorSayingHowToNameOne() {
        assertThat(run("--profile", "win11")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("no implementation to test", "--implementation", "--class-path", "-- <command>");
    }

    @Test
    void mergeWithoutSummariesIsAUsageError() {
        assertThat(run("merge")).isEqualTo(Main.USAGE);
    }

    @Test
    void unknownOptionExitsTwo() {
        assertThat(run("--profiles", "all")).isEqualTo(Main.USAGE);
        assertThat(err()).startsWith("fltkit: unknown option '--profiles'");
    }

    @Test
    void unknownProfileExitsTwoBeforeAnythingRuns() {
        assertThat(run("-i", "reference", "--profile", "xp", "-r", reports.toString())).isEqualTo(Main.USAGE);
        assertThat(err()).contains("unknown Windows profile 'xp'", "vista, win7, win8, win10, win11");
        assertThat(reports).isEmptyDirectory();
    }

    @Test
    void anAdapterClassThatDoesNotExistExitsTwo() {
        assertThat(run("-i", "com.example.NoSuchProvider", "-p", "win11")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("'com.example.NoSuchProvider' was not found", "--class-path");
    }

    @Test
    void aClassThatIsNotAProviderExitsTwo() {
        assertThat(run("-i", "fltkit.reference.ReferenceFilterManager", "-p", "win11")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("does not implement fltkit.spi.FilterManagerProvider", "not the filter manager itself");
    }

    @Test
    void aMissingClassPathEntryExitsTwo() {
        assertThat(run("--class-path", reports.resolve("nope.jar").toString())).isEqualTo(Main.USAGE);
        assertThat(err()).contains("nope.jar' does not exist");
    }

    @Test
    void aClassPathEntryRegisteringNoProviderExitsTwo() {
        assertThat(run("--class-path", reports.toString(), "-p", "win11")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("register no fltkit.spi.FilterManagerProvider", "--implementation");
    }

    @Test
    void aClassPathEntryRegisteringOneProviderIsUsed(@TempDir Path adapter) throws IOException {
        Path services = adapter.resolve("META-INF/services/fltkit.spi.FilterManagerProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "fltkit.cli.MainTest$ExampleAdapter\n");
        int code = run("--class-path", adapter.toString(), "-p", "win11", "-t", "@must", "-r", reports.toString(), "--allure", "off");
        assertThat(code).as("exit code; stderr: %s", err()).isEqualTo(Main.NO_VERDICT);
        assertThat(out()).containsPattern("(?m)^fltkit: win11: PARTIAL, .*; \\d+ scenarios: [1-9]\\d* passed");
        assertThat(ExampleAdapter.created).isPositive();
    }

    @Test
    void aClassPathEntryRegisteringTwoProvidersExitsTwo(@TempDir Path adapter) throws IOException {
        Path services = adapter.resolve("META-INF/services/fltkit.spi.FilterManagerProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "fltkit.cli.MainTest$ExampleAdapter\nfltkit.report.ForgetsMaxUShort\n");
        assertThat(run("--class-path", adapter.toString(), "-p", "win11")).isEqualTo(Main.USAGE);
        assertThat(err()).contains("several providers", "MainTest$ExampleAdapter", "ForgetsMaxUShort", "--implementation");
    }

    @Test
    void aProcessCommandWithoutTheProcessAdapterSaysSo() {
        boolean hasProcessAdapter;
        try {
            Class.forName(fltkit.settings.Implementations.PROCESS_CLASS);
            hasProcessAdapter = true;
        } catch (ClassNotFoundException e) {
            hasProcessAdapter = false;
        }
        int code = run("-p", "win11", "-r", reports.toString(), "--", reports.resolve("no-such-implementation").toString());
        assertThat(code).isNotEqualTo(Main.CONFORMANT);
        if (hasProcessAdapter) {
            assertThat(err()).contains("no-such-implementation");
        } else {
            assertThat(code).isEqualTo(Main.USAGE);
            assertThat(err()).contains("has no process adapter");
        }
    }

    @Test
    void malformedFeatureFilesStopTheRunWithExitThree() throws IOException {
        Path features = reports.resolve("features");
        Files.createDirectories(features.resolve("fltkit/features"));
        Files.writeString(features.resolve("fltkit/features/bad.feature"),
                "Feature: bad\n  Rule: no id\n    Scenario: x\n      Given y\n");
        URL root = features.resolve("fltkit/features").toUri().toURL();
        ClassLoader withBadFeatures = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals("fltkit/features") ? root : super.getResource(name);
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(withBadFeatures);
        try {
            assertThat(run("-i", "reference", "-p", "win11", "-r", reports.toString())).isEqualTo(Main.MALFORMED_FEATURES);
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThat(err()).contains("break its conventions", "bad.feature:2", "does not start with an ID");
    }

    /** Stands for an implementer's adapter. */
    public static class ExampleAdapter extends ReferenceProvider {
        static volatile int created;

        @Override
        public fltkit.spi.FilterManager create(fltkit.spi.WindowsVersion version) {
            created++;
            return super.create(version);
        }
    }
}
