package fltkit.report;

import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reports one run leaves in its folder, whatever its scenarios did: the conformance summary (JSON and
 * HTML), one JUnit XML per profile, and as {@link AllureMode} says the single-file Allure report (when the
 * Allure generator is on the class path; else the results it would be made from), the results, or both. The launcher claims the folder ({@link ReportsFolder}: the user's files are
 * never touched, one run at a time) before any scenario runs, and writes the reports after the last profile,
 * so the command line and Maven leave the same files.
 */
public final class Reports implements AutoCloseable {
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String ALLURE_REPORT = "allure-report";
    public static final String SUMMARY_JSON = "conformance-summary.json";
    public static final String SUMMARY_HTML = "conformance-summary.html";
    private static final String GENERATOR = "io.qameta.allure.ReportGenerator";

    private final ReportsFolder folder;
    private final AllureMode allure;

    private Reports(ReportsFolder folder, AllureMode allure) {
        this.folder = folder;
        this.allure = allure;
    }

    /**
     * Claims the reports folder of a run of these profiles: deletes what the previous run listed, or refuses
     * (a {@link fltkit.settings.KitConfigurationException} saying why and what to do).
     */
    public static Reports open(Path folder, List<WindowsVersion> profiles, AllureMode allure) {
        Reports reports = new Reports(ReportsFolder.claim(folder, outputs(profiles), AllureReport.historyDirectory(folder)), allure);
        LeanResultsWriter.forget(reports.folder().resolve(ALLURE_RESULTS));   // what an earlier run wrote there is gone
        return reports;
    }

    /** What a run of these profiles writes in its reports folder (besides the Allure history). */
    static List<String> outputs(List<WindowsVersion> profiles) {
        List<String> outputs = new ArrayList<>();
        profiles.forEach(p -> outputs.add(p.profile()));
        outputs.addAll(List.of(ALLURE_RESULTS, ALLURE_REPORT, SUMMARY_JSON, SUMMARY_HTML));
        return outputs;
    }

    public Path folder() {
        return folder.root();
    }

    /** A kit check's breach after a scenario, as an Allure result of its own (under the check's ID). */
    public void kitCheckBreach(String profile, ScenarioRun scenario) {
        if (allure.writesResults()) {
            AllureResults.breach(folder.root().resolve(ALLURE_RESULTS), profile, scenario);
        }
    }

    /** Writes every report from the profiles' runs; returns the summary they were built from. */
    public ConformanceSummary write(RunInfo started, List<ProfileRun> runs, List<ExplorationSummary> exploration, PrintStream out) {
        long start = System.nanoTime();
        boolean partial = started.partial();
        RunInfo run = started.finishedNow();
        ConformanceSummary summary = ConformanceSummary.build(run, runs, exploration);
        String allureNote = "";
        Path root = folder.root();
        try {
            writeSummary(summary);
            for (ProfileRun profile : runs) {
                JunitXml.write(root.resolve(profile.profile()).resolve(JunitXml.FILE), profile, run);
            }
            if (allure.writesReport() && generatorPresent()) {
                Path index = AllureReport.generate(root.resolve(ALLURE_RESULTS), root.resolve(ALLURE_REPORT), folder, run);
                allureNote = String.format(Locale.ROOT, ", %s (%.1f MB)", root.relativize(index), Files.size(index) / 1048576.0);
                if (allure.keepsResults()) {
                    allureNote += ", " + ALLURE_RESULTS + "/";
                } else {
                    // The single file holds every result: keeping its input as well would write each one twice.
                    folder.discard(ALLURE_RESULTS);
                }
            } else if (allure.writesReport()) {
                allureNote = ", " + ALLURE_RESULTS + "/ (the single-file Allure report needs io.qameta.allure:allure-generator on the "
                        + "class path; the command-line jar has it)";
            } else if (allure.writesResults()) {
                allureNote = ", " + ALLURE_RESULTS + "/";
            }
        } catch (IOException | RuntimeException e) {
            out.println("fltkit: could not write every report in " + root + ": " + e);
        }
        out.println(String.format(Locale.ROOT, "fltkit: reports written (%.1f s): %s, %s, <profile>/%s%s%s",
                (System.nanoTime() - start) / 1e9, SUMMARY_HTML, SUMMARY_JSON, JunitXml.FILE, allureNote,
                partial ? " [PARTIAL RUN]" : ""));
        return summary;
    }

    /**
     * What a run that was cut short leaves: the summary of the profiles that finished, marked unfinished (so it
     * claims no verdict), and the manifest. No Allure report: there is no time.
     */
    public void writeUnfinished(RunInfo started, List<ProfileRun> runs, String reason) {
        try {
            RunInfo run = started.unfinished(reason);
            writeSummary(ConformanceSummary.build(run, runs));
            System.err.println("fltkit: the summary in " + folder.root().resolve(SUMMARY_HTML) + " is marked INCOMPLETE");
        } catch (IOException | RuntimeException e) {
            System.err.println("fltkit: could not write the summary of the unfinished run: " + e);
        } finally {
            folder.close(false);
        }
    }

    private void writeSummary(ConformanceSummary summary) throws IOException {
        summary.write(folder.root().resolve(SUMMARY_JSON));
        AtomicFile.write(folder.root().resolve(SUMMARY_HTML), SummaryPage.render(summary).getBytes(StandardCharsets.UTF_8));
    }

    /** Lists what the run wrote in the folder's manifest and releases the folder. */
    @Override
    public void close() {
        LeanResultsWriter.forget(folder.root().resolve(ALLURE_RESULTS));
        folder.close(true);
    }

    private static boolean generatorPresent() {
        try {
            Class.forName(GENERATOR, false, Reports.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
