package fltkit.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;

import java.io.File;

/**
 * The Allure Cucumber plugin writing into a folder given as the plugin's argument
 * ({@code fltkit.report.AllureResults:reports/allure-results}). Allure's own plugin writes through one
 * JVM-wide lifecycle whose folder is fixed the first time it is used, so a second conformance run in
 * the same JVM (a test, an embedding tool) would write into the first run's folder.
 */
public class AllureResults extends AllureCucumber7Jvm {
    private static volatile File current = new File(System.getProperty("allure.results.directory", "allure-results"));

    public AllureResults(File directory) {
        super(new AllureLifecycle(new FileSystemResultsWriter(directory.toPath())));
        current = directory;
    }

    /** Where the most recently started run writes its results (attachments are read back from there). */
    public static File directory() {
        return current;
    }
}
