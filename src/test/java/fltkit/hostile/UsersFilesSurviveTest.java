package fltkit.hostile;

import fltkit.cli.Main;
import fltkit.report.AllureReport;
import fltkit.report.ReportsFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports folder is the user's: the kit deletes or overwrites only what its own earlier runs listed in
 * the folder's manifest, and refuses, changing nothing, a folder where anything else is in its way.
 */
class UsersFilesSurviveTest {
    /** Two scenarios, win11 only: the runs here are about the folder, not the verdict. */
    static final String[] QUICK = {"-p", "win11", "-t", "@needs:irql"};

    @TempDir
    Path work;

    private static String[] run(Path reports, String... more) {
        String[] args = new String[QUICK.length + 4 + more.length];
        System.arraycopy(new String[] {"-i", "reference", "-r", reports.toString()}, 0, args, 0, 4);
        System.arraycopy(QUICK, 0, args, 4, QUICK.length);
        System.arraycopy(more, 0, args, 4 + QUICK.length, more.length);
        return args;
    }

    @Test
    void aFolderOfTheUsersOwnFilesIsRefusedAndLeftExactlyAsItWas() throws IOException {
        Path reports = work.resolve("reports");
        UserFiles.plant(reports, "vista/notes.txt", "win10/deep/er/file.bin", "win11/junit.xml", "allure-results/mine.json",
                "allure-report/index.html", ".allure-history/history.json", "conformance-summary.html", "thesis.tex");
        Map<String, String> before = UserFiles.fingerprint(reports);

        KitCli.Result result = KitCli.inProcess(run(reports));

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.USAGE);
        assertThat(result.problems()).as("%s", result).singleElement().asString()
                .contains("already holds files no run of the kit wrote", reports.resolve("allure-report").toString())
                .contains("choose an empty or new folder with --reports, or one a previous kit run wrote");
        assertThat(result.out()).doesNotContain("win11:");
        assertThat(UserFiles.fingerprint(reports)).as("the user's folder, file by file").isEqualTo(before);
    }

    /** The single file holds every result: the default removes the results it was made from; "both" keeps them. */
    @Test
    void theReportModeRemovesTheResultsItWroteAndBothKeepsThem() throws IOException {
        Path reports = work.resolve("reports");
        assertThat(KitCli.inProcess(run(reports)).exit()).isEqualTo(Main.NO_VERDICT);
        assertThat(reports.resolve("allure-report/index.html")).isNotEmptyFile();
        assertThat(reports.resolve("allure-results")).doesNotExist();
        assertThat(reports.resolve(ReportsFolder.MANIFEST)).content().contains("\"allure-report/index.html\"")
                .doesNotContain("allure-results");

        Path both = work.resolve("both");
        assertThat(KitCli.inProcess(run(both, "--allure", "both")).exit()).isEqualTo(Main.NO_VERDICT);
        assertThat(both.resolve("allure-report/index.html")).isNotEmptyFile();
        try (Stream<Path> files = Files.list(both.resolve("allure-results"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.endsWith("-result.json"));
        }
        assertThat(both.resolve(ReportsFolder.MANIFEST)).content().contains("allure-results/");
    }

    @Test
    void aLaterRunDeletesExactlyWhatTheEarlierRunWroteAndNothingElse() throws IOException {
        Path reports = work.resolve("reports");
        assertThat(KitCli.inProcess("-i", "reference", "-r", reports.toString(), "-p", "win10", "-t", "@needs:irql").exit())
                .isEqualTo(Main.NO_VERDICT);
        assertThat(reports.resolve(ReportsFolder.MANIFEST)).content().contains("\"win10/junit.xml\"", "\"allure-report/index.html\"");
        Map<String, String> mine = UserFiles.plant(reports, "notes.txt", "mine/sub/data.csv", "vista/README");
        Map<String, String> before = UserFiles.fingerprint(reports);

        KitCli.Result result = KitCli.inProcess(run(reports));

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.NO_VERDICT);
        Map<String, String> after = UserFiles.fingerprint(reports);
        assertThat(after).as("the user's files").containsAllEntriesOf(mine);
        assertThat(after).as("the earlier run's win10 reports are gone, this run's win11 reports are there")
                .doesNotContainKeys("win10", "win10/junit.xml").containsKeys("win11/junit.xml", "allure-report/index.html");
        assertThat(after.get("conformance-summary.json")).as("the summary was rewritten").isNotEqualTo(before.get("conformance-summary.json"));
        assertThat(after.keySet()).as("no half-written file is left").noneMatch(name -> name.endsWith(".tmp"));
        assertThat(reports.resolve(ReportsFolder.MANIFEST)).content().contains("\"win11/junit.xml\"")
                .doesNotContain("notes.txt", "mine/", "vista/");
    }

    @Test
    void filesTheUserPutWhereTheKitWritesAreNeitherOverwrittenNorMixedIn() throws IOException {
        Path reports = work.resolve("reports");
        assertThat(KitCli.inProcess(run(reports)).exit()).isEqualTo(Main.NO_VERDICT);
        UserFiles.plant(reports, "win11/my-notes.txt", "allure-results/extra-result.json");
        Map<String, String> before = UserFiles.fingerprint(reports);

        KitCli.Result result = KitCli.inProcess(run(reports));

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.USAGE);
        assertThat(result.problems()).as("%s", result).singleElement().asString()
                .contains(reports.resolve("win11/my-notes.txt").toString(), reports.resolve("allure-results/extra-result.json").toString())
                .contains("no earlier kit run wrote them", "move them away");
        assertThat(UserFiles.fingerprint(reports)).as("the folder, file by file").isEqualTo(before);
    }

    @Test
    void anAllureHistoryFolderOfTheUsersIsNeitherReadNorReplaced() throws IOException {
        Path reports = work.resolve("reports");
        Path history = work.resolve("my-history");
        UserFiles.plant(history, "history.json", "photos/cat.jpg");
        Map<String, String> before = UserFiles.fingerprint(history);
        String previous = System.getProperty(AllureReport.HISTORY_PROPERTY);
        System.setProperty(AllureReport.HISTORY_PROPERTY, history.toString());
        KitCli.Result result;
        try {
            result = KitCli.inProcess(run(reports));
        } finally {
            if (previous == null) {
                System.clearProperty(AllureReport.HISTORY_PROPERTY);
            } else {
                System.setProperty(AllureReport.HISTORY_PROPERTY, previous);
            }
        }

        assertThat(result.exit()).as("%s", result).isEqualTo(Main.USAGE);
        assertThat(result.problems()).as("%s", result).singleElement().asString()
                .contains("the Allure history folder " + history, "holds files no kit run wrote there", "-Dfltkit.allure.history");
        assertThat(UserFiles.fingerprint(history)).as("the user's history folder").isEqualTo(before);
        assertThat(UserFiles.fingerprint(reports)).as("the reports folder, created for the run").isEmpty();
    }

    @Test
    void aFolderSetAsideForTheKitKeepsTheFilesBesideItsReports() throws IOException {
        Path reports = work.resolve("reports");
        Map<String, String> mine = UserFiles.plant(reports, "README.md", ReportsFolder.MARKER, "screenshots/page.png");

        for (int run = 1; run <= 2; run++) {
            KitCli.Result result = KitCli.inProcess(run(reports));
            assertThat(result.exit()).as("run %d: %s", run, result).isEqualTo(Main.NO_VERDICT);
            assertThat(UserFiles.fingerprint(reports)).as("run %d", run).containsAllEntriesOf(mine).containsKey("win11/junit.xml");
        }
        assertThat(Files.readString(reports.resolve(ReportsFolder.MANIFEST))).doesNotContain("README.md", "screenshots");
    }
}
