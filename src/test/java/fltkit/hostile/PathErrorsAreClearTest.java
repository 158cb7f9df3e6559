package fltkit.hostile;

import fltkit.TestJvm;
import fltkit.cli.Main;
import fltkit.report.ReportsFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A reports folder the run cannot use is found before any scenario runs, and said in one line: what is
 * wrong and how to fix it, exit 2, no stack trace, no other diagnosis, nothing touched.
 */
class PathErrorsAreClearTest {
    @TempDir
    Path work;

    @BeforeEach
    void countAfresh() {
        CountingProvider.CREATED.set(0);
    }

    private static String[] args(Path reports) {
        return new String[] {"-i", CountingProvider.class.getName(), "-p", "win11", "-t", "@needs:irql", "-r", reports.toString()};
    }

    /** Exit 2, one line on stderr saying what is wrong and what to do, and no scenario ran. */
    private static void assertRefusedBeforeAnyScenario(KitCli.Result result, String... saying) {
        assertThat(result.exit()).as("%s", result).isEqualTo(Main.USAGE);
        assertThat(result.problems()).as("%s", result).singleElement().asString().contains(saying)
                .contains("--reports")
                .doesNotContain("jar is damaged", "matches no scenario", "Exception");
        assertThat(result.err()).as("no stack trace").doesNotContain("\tat ");
        assertThat(result.out()).as("no closing line: nothing ran").doesNotContain("win11:");
    }

    @Test
    void aReportsPathThatIsAFile() throws IOException {
        Map<String, String> before = UserFiles.plant(work, "notes.txt");

        KitCli.Result result = KitCli.inProcess(args(work.resolve("notes.txt")));

        assertRefusedBeforeAnyScenario(result, "the reports folder " + work.resolve("notes.txt") + " is a file", "name a folder");
        assertThat(CountingProvider.CREATED).as("filter managers created").hasValue(0);
        assertThat(UserFiles.fingerprint(work)).isEqualTo(before);
    }

    @Test
    void aReportsPathUnderAFile() throws IOException {
        Map<String, String> before = UserFiles.plant(work, "notes.txt");

        KitCli.Result result = KitCli.inProcess(args(work.resolve("notes.txt").resolve("reports")));

        assertRefusedBeforeAnyScenario(result, "cannot create the reports folder", work.resolve("notes.txt") + " is a file, not a folder");
        assertThat(CountingProvider.CREATED).as("filter managers created").hasValue(0);
        assertThat(UserFiles.fingerprint(work)).isEqualTo(before);
    }

    @Test
    void aReportsFolderThatCannotBeCreated() throws Exception {
        Path readOnly = Files.createDirectories(work.resolve("read-only"));

        KitCli.Result result = withReadOnly(readOnly, args(readOnly.resolve("reports")));

        assertRefusedBeforeAnyScenario(result, "cannot create the reports folder " + readOnly.resolve("reports"), "choose another folder");
        assertThat(UserFiles.fingerprint(readOnly)).isEmpty();
    }

    @Test
    void aReadOnlyReportsFolder() throws Exception {
        Path readOnly = Files.createDirectories(work.resolve("reports"));

        KitCli.Result result = withReadOnly(readOnly, args(readOnly));

        assertRefusedBeforeAnyScenario(result, "cannot write in the reports folder " + readOnly, "make it writable");
        assertThat(UserFiles.fingerprint(readOnly)).isEmpty();
    }

    @Test
    void aReportsFolderAnotherRunIsWritingInto() throws Exception {
        Path reports = work.resolve("reports");
        assertThat(KitCli.inProcess(args(reports)).exit()).as("the earlier run").isEqualTo(Main.NO_VERDICT);
        Map<String, String> before = UserFiles.fingerprint(reports);
        CountingProvider.CREATED.set(0);
        List<String> command = new ArrayList<>(TestJvm.java());
        command.addAll(List.of(LockHolder.class.getName(), reports.resolve(ReportsFolder.LOCK).toString()));
        Process other = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).as("the other process holds the lock").isEqualTo("locked");

            KitCli.Result result = KitCli.inProcess(args(reports));

            assertRefusedBeforeAnyScenario(result, "another conformance run is writing into the reports folder " + reports,
                    "wait until it has finished");
            assertThat(CountingProvider.CREATED).as("filter managers created").hasValue(0);
            assertThat(UserFiles.fingerprint(reports)).as("the other run's folder").isEqualTo(before);
        } finally {
            other.getOutputStream().close();
            other.waitFor(10, TimeUnit.SECONDS);
            other.destroyForcibly();
        }
    }

    /**
     * Runs the command line in a child JVM that cannot write in {@code folder}. An ordinary user loses the
     * write permission; root writes anywhere, so it gets the folder as a read-only bind mount in a mount
     * namespace of its own.
     */
    private static KitCli.Result withReadOnly(Path folder, String... args) throws Exception {
        assertThat(folder.toFile().setWritable(false, false)).isTrue();
        try {
            if (!canWriteIn(folder)) {
                return KitCli.child(List.of(), args);
            }
        } finally {
            folder.toFile().setWritable(true, false);
        }
        List<String> readOnlyMount = List.of("unshare", "-m", "sh", "-c",
                "mount --bind \"$1\" \"$1\" && mount -o remount,bind,ro \"$1\" \"$1\" && shift && exec \"$@\"", "sh", folder.toString());
        List<String> mountable = new ArrayList<>(readOnlyMount);
        mountable.add("true");
        Process tried = new ProcessBuilder(mountable).redirectErrorStream(true).start();
        assumeTrue(tried.waitFor(30, TimeUnit.SECONDS) && tried.exitValue() == 0, "this user writes anywhere and cannot mount "
                + "a read-only folder (unshare -m): " + new String(tried.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return KitCli.child(readOnlyMount, args);
    }

    private static boolean canWriteIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
