package fltkit.report;

import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The reports every conformance run leaves, whatever its scenarios did: the Allure single-file report
 * and the conformance summary (JSON and HTML). the conformance run calls
 * {@link #clear} before the engine runs and {@link #write} after, so the CLI and Maven leave the same
 * files.
 */
public final class Reports {
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String ALLURE_REPORT = "allure-report";
    public static final String SUMMARY_JSON = "conformance-summary.json";
    public static final String SUMMARY_HTML = "conformance-summary.html";

    private Reports() {
    }

    /** Removes what an earlier run left in this run's output folders, so nothing leaks into the new reports. */
    public static void clear(Path reports, List<WindowsVersion> profiles) throws IOException {
        AllureReport.deleteTree(reports.resolve(ALLURE_RESULTS));
        AllureReport.deleteTree(reports.resolve(ALLURE_REPORT));
        for (WindowsVersion profile : WindowsVersion.values()) {
            AllureReport.deleteTree(reports.resolve(profile.profile()));
        }
        Files.deleteIfExists(reports.resolve(SUMMARY_JSON));
        Files.deleteIfExists(reports.resolve(SUMMARY_HTML));
    }

    /** Writes the summary and the Allure report; returns the summary. */
    public static ConformanceSummary write(Path reports, FilterManagerProvider provider, List<WindowsVersion> profiles,
                                           boolean partial, String tagFilter) throws IOException {
        long start = System.nanoTime();
        RunInfo run = RunInfo.of(provider, profiles, partial, tagFilter);
        Files.createDirectories(reports);
        ConformanceSummary summary = ConformanceSummary.fromReports(reports, run);
        summary.write(reports.resolve(SUMMARY_JSON));
        Files.writeString(reports.resolve(SUMMARY_HTML), SummaryPage.render(summary), StandardCharsets.UTF_8);
        Path index = AllureReport.generate(reports.resolve(ALLURE_RESULTS), reports.resolve(ALLURE_REPORT),
                AllureReport.historyDirectory(reports), run);
        System.out.println(String.format(Locale.ROOT, "fltkit: reports in %s (%.1f s): %s, %s (%.1f MB)%s",
                reports, (System.nanoTime() - start) / 1e9, SUMMARY_HTML, reports.relativize(index),
                Files.size(index) / 1048576.0, partial ? " [PARTIAL RUN]" : ""));
        return summary;
    }
}
