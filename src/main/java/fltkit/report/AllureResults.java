package fltkit.report;

import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.cucumber7jvm.AllureCucumber7Jvm;

import fltkit.rules.KitCheck;
import fltkit.rules.Recorded;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventHandler;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Allure Cucumber plugin writing into a folder given as the plugin's argument
 * ({@code fltkit.report.AllureResults:reports/allure-results}). Allure's own plugin writes through one
 * JVM-wide lifecycle whose folder is fixed the first time it is used, so a second conformance run in
 * the same JVM (a test, an embedding tool) would write into the first run's folder.
 * <p>
 * A scenario that passed plainly (every step passed, no value recorded, no kit-check finding) leaves its call
 * trace out of Allure: the steps already tell what it did, and the traces were most of the report's attachments
 * (one file per scenario, written, read back and embedded again). Every other scenario keeps its trace, and the
 * summary counts every scenario's calls either way.
 */
public class AllureResults extends AllureCucumber7Jvm {
    private static volatile File current = new File(System.getProperty("allure.results.directory", "allure-results"));

    public AllureResults(File directory) {
        super(new AllureLifecycle(new LeanResultsWriter(directory.toPath())));
        current = directory;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        Set<UUID> notPlain = ConcurrentHashMap.newKeySet();
        publisher.registerHandlerFor(TestStepFinished.class, event -> {
            if (event.getResult().getStatus() != io.cucumber.plugin.event.Status.PASSED) {
                notPlain.add(event.getTestCase().getId());
            }
        });
        publisher.registerHandlerFor(TestCaseFinished.class, event -> notPlain.remove(event.getTestCase().getId()));
        super.setEventPublisher(new EventPublisher() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> void registerHandlerFor(Class<T> type, EventHandler<T> handler) {
                if (type != EmbedEvent.class) {
                    publisher.registerHandlerFor(type, handler);
                    return;
                }
                EventHandler<EmbedEvent> embeds = (EventHandler<EmbedEvent>) handler;
                publisher.registerHandlerFor(EmbedEvent.class, embed -> {
                    UUID id = embed.getTestCase().getId();
                    if (Recorded.MEDIA_TYPE.equals(embed.getMediaType()) || KitCheck.MEDIA_TYPE.equals(embed.getMediaType())) {
                        notPlain.add(id);
                    }
                    boolean trace = embed.getName() != null && embed.getName().startsWith(RunRecorder.CALL_TRACE);
                    if (!trace || notPlain.contains(id)) {
                        embeds.receive(embed);
                    }
                });
            }

            @Override
            public <T> void removeHandlerFor(Class<T> type, EventHandler<T> handler) {
                publisher.removeHandlerFor(type, handler);
            }
        });
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
