package fltkit.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;

import fltkit.rules.KitCheck;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Allure Cucumber plugin writing into a folder given as the plugin's argument
 * ({@code fltkit.report.AllureResults:reports/allure-results}). Allure's own plugin writes through one
 * JVM-wide lifecycle whose folder is fixed the first time it is used, so a second conformance run in
 * the same JVM (a test, an embedding tool) would write into the first run's folder.
 */
public class AllureResults extends AllureCucumber7Jvm {
    private static volatile File current = new File(System.getProperty("allure.results.directory", "allure-results"));

    public AllureResults(File directory) {
        super(new AllureLifecycle(new LeanResultsWriter(directory.toPath())));
        current = directory;
    }

    /**
     * A kit check's breach after a scenario as an Allure result of its own, filed under the check (epic "Kit
     * checks", feature = the check's ID), never under the documented rule of the scenario it followed.
     */
    static void breach(Path results, String profile, ScenarioRun scenario) {
        String check = scenario.kitCheck().check();
        long now = System.currentTimeMillis();
        TestResult result = new TestResult().setUuid(UUID.randomUUID().toString())
                .setName(check + " after " + scenario.name())
                .setFullName(profile + " / " + check + " after " + scenario.name())
                .setStatus(Status.FAILED)
                .setStatusDetails(new StatusDetails().setMessage(scenario.kitCheck().message()))
                .setStart(now).setStop(now)
                .setTestCaseId(ResultsUtils.md5(check + "|" + scenario.name() + "|" + profile))
                .setHistoryId(ResultsUtils.md5(check + "|" + scenario.name() + "|" + profile))
                .setDescriptionHtml(ReportLabels.paragraphHtml(KitCheck.byId(check).description()));
        List<Label> labels = new ArrayList<>();
        for (String[] label : new String[][] {{"epic", "Kit checks"}, {"parentSuite", "Kit checks"}, {"feature", check},
                {"suite", check}, {"story", KitCheck.byId(check).title()}, {"subSuite", scenario.ruleId()},
                {"severity", "normal"}, {"tag", "profile:" + profile}}) {
            labels.add(new Label().setName(label[0]).setValue(label[1]));
        }
        result.setLabels(labels);
        result.setParameters(new ArrayList<>(List.of(new Parameter().setName("Windows profile").setValue(profile))));
        new FileSystemResultsWriter(results).write(result);
    }

    /** Where the most recently started run writes its results (attachments are read back from there). */
    public static File directory() {
        return current;
    }
}
