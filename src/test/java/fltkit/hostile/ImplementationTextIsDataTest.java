package fltkit.hostile;

import fltkit.cli.Main;
import fltkit.report.Chromium;
import fltkit.report.MatrixMain;
import fltkit.report.ReportsFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Whatever an implementation says (its name, version and vendor, an exception's message) is data: every
 * page the kit writes shows it as text, and none runs a script it smuggled in. {@link HostileNames} tries,
 * in the summary, the matrix and the Allure report (its title, environment, executor and test pages).
 */
class ImplementationTextIsDataTest {
    @TempDir
    static Path work;
    static Path reports;
    static Path matrix;
    static KitCli.Result run;
    static Map<String, String> mine;

    @BeforeAll
    static void runTheKitAgainstAnImplementationWithHostileNames() throws IOException {
        reports = work.resolve("reports");
        mine = UserFiles.plant(reports, ReportsFolder.MARKER, "README.md");
        // Scenarios that allocate, so they break with the implementation's message; win11 only.
        run = KitCli.inProcess("-i", HostileNames.class.getName(), "-p", "win11", "-t", "@needs:variable-size", "-r", reports.toString(),
                "--allure", "both");
        matrix = work.resolve("matrix");
        assertThat(MatrixMain.run(new String[] {"--out", matrix.toString(), reports.resolve("conformance-summary.json").toString()}))
                .as("merge exit code").isZero();
    }

    @Test
    void everyPageShowsWhatTheImplementationSaidAsText() throws IOException {
        assertThat(run.exit()).as("%s", run).isEqualTo(Main.NOT_CONFORMANT);
        assertThat(run.out()).containsPattern("(?m)^fltkit: win11: PARTIAL, .*; \\d+ scenarios: \\d+ passed, \\d+ recorded, \\d+ failed, "
                + "[1-9]\\d* broken");
        assertThat(UserFiles.fingerprint(reports)).containsAllEntriesOf(mine);
        for (Path page : pages()) {
            assertThat(Files.readString(page, StandardCharsets.UTF_8)).as("%s", page).doesNotContain(HostileNames.SCRIPT)
                    .doesNotContain("<script>document.title").doesNotContain("<img src=x");
        }
        assertThat(reports.resolve("conformance-summary.html")).content()
                .contains("evil &lt;/title&gt;&lt;/script&gt;&lt;script&gt;document.title&#61;&#39;PWNED&#39;&lt;/script&gt;")
                .contains("adapter says &lt;/title&gt;");
        assertThat(matrix.resolve(MatrixMain.HTML)).content().contains("evil &lt;/title&gt;");
        assertThat(matrix.resolve(MatrixMain.MARKDOWN)).content().contains("evil &lt;/title&gt;");
        assertThat(reports.resolve("allure-report/index.html")).content()
                .contains("<title>Filter Manager context conformance: evil &lt;/title&gt;&lt;/script&gt;&lt;script&gt;");
        try (Stream<Path> files = Files.list(reports.resolve("allure-results"))) {
            List<Path> results = files.filter(f -> f.toString().endsWith("-result.json")).collect(Collectors.toList());
            assertThat(results).isNotEmpty();
            for (Path result : results) {
                assertThat(result).as("Allure shows a result's message and trace as HTML").content()
                        .doesNotContain("<script>").doesNotContain("<img");
            }
        }
    }

    @Test
    void theKitsOwnPagesAllowNoScriptAndTheAllureReportOnlyItsOwn() {
        for (Path page : List.of(reports.resolve("conformance-summary.html"), matrix.resolve(MatrixMain.HTML))) {
            assertThat(page).content().contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        }
        assertThat(reports.resolve("allure-report/index.html")).content()
                .containsPattern("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
                        + "'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+'; style-src")
                .containsPattern("<script src=\"data:text/javascript;base64,[A-Za-z0-9+/=]+\" integrity=\"sha256-");
    }

    @Test
    void noScriptTheImplementationSmuggledInRunsInABrowser() throws Exception {
        assumeTrue(Chromium.available() || Chromium.required(), "no Chromium at " + Chromium.BINARY);
        assertThat(Chromium.available()).as("Chromium at %s (apt-get install -y chromium)", Chromium.BINARY).isTrue();
        for (Path page : List.of(reports.resolve("conformance-summary.html"), matrix.resolve(MatrixMain.HTML))) {
            try (Chromium.Tab tab = Chromium.open(page)) {
                assertNothingRan(page, null, tab.dumpDom(null));
            }
        }
        Path allure = reports.resolve("allure-report/index.html");
        // One load of the report, its views shown one after the other as a reader's clicks show them.
        try (Chromium.Tab tab = Chromium.open(allure)) {
            checkAllure(allure, tab);
        }
    }

    private static void checkAllure(Path allure, Chromium.Tab tab) throws Exception {
        String overview = tab.dumpDom(null);
        assertThat(Chromium.visibleText(overview)).as("the report still works").contains("test cases")
                .contains("evil </title></script><script>document.title='PWNED'</script>");
        assertNothingRan(allure, null, overview);
        String categories = tab.dumpDom("categories");
        assertNothingRan(allure, "categories", categories);
        Matcher detail = Pattern.compile("href=\"#(categories/[0-9a-f]+/[0-9a-f]+/)\"").matcher(categories);
        assertThat(detail.find()).as("a broken result in the categories").isTrue();
        String result = tab.dumpDom(detail.group(1));
        assertThat(Chromium.visibleText(result)).as("the test page shows the message as text").contains("adapter says </title></script>");
        assertNothingRan(allure, detail.group(1), result);
    }

    private static void assertNothingRan(Path page, String fragment, String dom) {
        Matcher title = Pattern.compile("<title>([^<]*)</title>").matcher(dom);
        assertThat(title.find()).as("%s#%s has a title", page, fragment).isTrue();
        assertThat(title.group(1)).as("%s#%s: the title, which a smuggled script sets", page, fragment).isNotEqualTo(HostileNames.PWNED);
        assertThat(dom).as("%s#%s: elements made of the implementation's text", page, fragment)
                .doesNotContain("<img src=\"x\"").doesNotContain("<script>document.title");
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new java.util.ArrayList<>(List.of(reports.resolve("conformance-summary.html"),
                reports.resolve("allure-report/index.html"), matrix.resolve(MatrixMain.HTML), matrix.resolve(MatrixMain.MARKDOWN)));
        try (Stream<Path> profile = Files.list(reports.resolve("win11"))) {
            profile.filter(f -> f.toString().endsWith(".html")).forEach(pages::add);
        }
        return pages;
    }
}
