package fltkit.report;

import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The reports every conformance run leaves, whatever its scenarios did: the Allure single-file report
 * and the conformance summary (JSON and HTML). The conformance run claims the {@link ReportsFolder}
 * before the engine runs and calls {@link #write} after, so the CLI and Maven leave the same files.
 */
public final class Reports {
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String ALLURE_REPORT = "allure-report";
    public static final String SUMMARY_JSON = "conformance-summary.json";
    public static final String SUMMARY_HTML = "conformance-summary.html";

    private Reports() {
    }

    /** What a run of these profiles writes in its reports folder (besides the Allure history). */
    public static List<String> outputs(List<WindowsVersion> profiles) {
        List<String> outputs = new ArrayList<>();
        profiles.forEach(p -> outputs.add(p.profile()));
        outputs.addAll(List.of(ALLURE_RESULTS, ALLURE_REPORT, SUMMARY_JSON, SUMMARY_HTML));
        return outputs;
    }

    /** Writes the summary and the Allure report; returns the summary. */
    public static ConformanceSummary write(ReportsFolder folder, FilterManagerProvider provider, List<WindowsVersion> profiles,
                                           boolean partial, String tagFilter) throws IOException {
        long start = System.nanoTime();
        Path reports = folder.root();
        RunInfo run = RunInfo.of(provider, profiles, partial, tagFilter);
        ConformanceSummary summary = ConformanceSummary.fromReports(reports, run);
        summary.write(reports.resolve(SUMMARY_JSON));
        AtomicFile.write(reports.resolve(SUMMARY_HTML), SummaryPage.render(summary).getBytes(StandardCharsets.UTF_8));
        Path index = AllureReport.generate(reports.resolve(ALLURE_RESULTS), reports.resolve(ALLURE_REPORT), folder, run);
        System.out.println(String.format(Locale.ROOT, "fltkit: reports in %s (%.1f s): %s, %s (%.1f MB)%s",
                reports, (System.nanoTime() - start) / 1e9, SUMMARY_HTML, reports.relativize(index),
                Files.size(index) / 1048576.0, partial ? " [PARTIAL RUN]" : ""));
        return summary;
    }

    /**
     * What a run that was cut short leaves: the summary of the profiles whose Cucumber messages can still be
     * read, marked unfinished (so it claims no verdict), and the manifest. No Allure report: there is no time.
     */
    public static void writeUnfinished(ReportsFolder folder, FilterManagerProvider provider, List<WindowsVersion> profiles,
                                       boolean partial, String tagFilter, String reason) {
        try {
            Path reports = folder.root();
            RunInfo run = RunInfo.of(provider, profiles, partial, tagFilter).unfinished(reason);
            Map<String, CucumberMessages> readable = new LinkedHashMap<>();
            for (String profile : run.profiles()) {
                Path ndjson = reports.resolve(profile).resolve("cucumber-messages.ndjson");
                try {
                    if (Files.exists(ndjson)) {
                        readable.put(profile, CucumberMessages.read(ndjson));
                    }
                } catch (IOException | RuntimeException e) {
                    // the profile the exit cut off, half written
                }
            }
            ConformanceSummary summary = ConformanceSummary.build(run, readable);
            summary.write(reports.resolve(SUMMARY_JSON));
            AtomicFile.write(reports.resolve(SUMMARY_HTML), SummaryPage.render(summary).getBytes(StandardCharsets.UTF_8));
            System.err.println("fltkit: the summary in " + reports.resolve(SUMMARY_HTML) + " is marked INCOMPLETE");
        } catch (IOException | RuntimeException e) {
            System.err.println("fltkit: could not write the summary of the unfinished run: " + e);
        } finally {
            folder.close(false);
        }
    }
}
