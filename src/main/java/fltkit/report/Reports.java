package fltkit.report;

import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The reports one run leaves in its folder, whatever its scenarios did: the conformance summary (JSON and
 * HTML), one JUnit XML per profile, and Allure results with, when the Allure generator is on the class path,
 * the single-file Allure report. The launcher opens the folder before any scenario runs and writes the
 * reports after the last profile, so the command line and Maven leave the same files.
 */
public final class Reports {
    public static final String ALLURE_RESULTS = "allure-results";
    public static final String ALLURE_REPORT = "allure-report";
    public static final String SUMMARY_JSON = "conformance-summary.json";
    public static final String SUMMARY_HTML = "conformance-summary.html";
    private static final String GENERATOR = "io.qameta.allure.ReportGenerator";

    private final Path folder;
    private final String allure;

    private Reports(Path folder, String allure) {
        this.folder = folder;
        this.allure = allure;
    }

    /**
     * The reports folder of a run, emptied of what an earlier run left in the places this run writes.
     * {@code allure} is {@code report}, {@code results} or {@code off}.
     */
    public static Reports open(Path folder, String allure) {
        try {
            AllureReport.deleteTree(folder.resolve(ALLURE_RESULTS));
            AllureReport.deleteTree(folder.resolve(ALLURE_REPORT));
            for (WindowsVersion profile : WindowsVersion.values()) {
                AllureReport.deleteTree(folder.resolve(profile.profile()));
            }
            Files.deleteIfExists(folder.resolve(SUMMARY_JSON));
            Files.deleteIfExists(folder.resolve(SUMMARY_HTML));
            Files.createDirectories(folder);
        } catch (IOException | UncheckedIOException e) {
            throw new fltkit.settings.KitConfigurationException("cannot prepare the reports folder " + folder + ": " + e.getMessage());
        }
        return new Reports(folder, allure);
    }

    public Path folder() {
        return folder;
    }

    /** A kit check's breach after a scenario, as an Allure result of its own (under the check's ID). */
    public void kitCheckBreach(String profile, ScenarioRun scenario) {
        if (!allure.equals("off")) {
            AllureResults.breach(folder.resolve(ALLURE_RESULTS), profile, scenario);
        }
    }

    /** Writes every report from the profiles' runs; returns the summary they were built from. */
    public ConformanceSummary write(FilterManagerProvider provider, List<ProfileRun> runs, boolean partial, String tagFilter,
                                    PrintStream out) {
        long start = System.nanoTime();
        List<WindowsVersion> profiles = runs.stream().map(r -> WindowsVersion.fromProfile(r.profile())).collect(Collectors.toList());
        RunInfo run = RunInfo.of(provider, profiles, partial, tagFilter);
        ConformanceSummary summary = ConformanceSummary.build(run, runs);
        String allureNote = "";
        try {
            summary.write(folder.resolve(SUMMARY_JSON));
            Files.writeString(folder.resolve(SUMMARY_HTML), SummaryPage.render(summary), StandardCharsets.UTF_8);
            for (ProfileRun profile : runs) {
                JunitXml.write(folder.resolve(profile.profile()).resolve(JunitXml.FILE), profile);
            }
            if (allure.equals("report")) {
                if (generatorPresent()) {
                    Path index = AllureReport.generate(folder.resolve(ALLURE_RESULTS), folder.resolve(ALLURE_REPORT),
                            AllureReport.historyDirectory(folder), run);
                    allureNote = String.format(Locale.ROOT, ", %s (%.1f MB)", folder.relativize(index), Files.size(index) / 1048576.0);
                } else {
                    allureNote = ", allure-results/ (the single-file Allure report needs io.qameta.allure:allure-generator on the "
                            + "class path; the command-line jar has it)";
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("fltkit: could not write every report in " + folder + ": " + e);
        }
        out.println(String.format(Locale.ROOT, "fltkit: reports written (%.1f s): %s, %s, <profile>/%s%s%s",
                (System.nanoTime() - start) / 1e9, SUMMARY_HTML, SUMMARY_JSON, JunitXml.FILE, allureNote,
                partial ? " [PARTIAL RUN]" : ""));
        return summary;
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
