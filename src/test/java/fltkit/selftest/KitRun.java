package fltkit.selftest;

import fltkit.rules.KitCheck;
import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import fltkit.runner.EngineSettings;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.junit.platform.engine.CucumberTestEngine;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.ExecutionRecorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs every feature through the real Cucumber engine against one implementation in one profile, and
 * classifies each scenario with the kit's own outcome model ({@link Outcome}).
 */
public final class KitRun {
    private static final Map<String, List<ScenarioOutcome>> REFERENCE = new ConcurrentHashMap<>();
    private static final TestEngine CUCUMBER = new CucumberTestEngine();
    /** The features as the engine discovered them, once per JVM. */
    private static TestDescriptor features;

    private KitRun() {
    }

    public static List<ScenarioOutcome> run(String implementation, WindowsVersion profile) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, implementation, KitSettings.PROFILE, profile.profile()), () -> {
            Recordings.seen.clear();
            Recordings.findings.clear();
            for (Event event : execute().testEvents().finished().list()) {
                ScenarioOutcome outcome = outcome(event, Recordings.seen);
                String finding = Recordings.findings.get(location(event.getTestDescriptor()));
                outcomes.add(finding == null ? outcome : new ScenarioOutcome(outcome.name(), outcome.outcome(), outcome.message(),
                        outcome.error(), finding));
            }
        });
        return outcomes;
    }

    /**
     * Runs the features on the Cucumber engine as the engine test kit would (no implicit configuration
     * parameters), but discovers them once per JVM: what the engine discovers depends only on the feature
     * files and this configuration, which are the same for every run, and each execution builds its own
     * Cucumber runtime, so executing the same descriptors again starts from nothing. A feature the engine
     * cannot read stops the run, as the launcher would.
     */
    private static EngineExecutionResults execute() {
        Map<String, String> config = new HashMap<>(EngineSettings.base());
        config.put("cucumber.plugin", Recordings.class.getName());
        List<String> problems = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .selectors(selectPackage(EngineSettings.FEATURES_PACKAGE))
                .configurationParameters(config)
                .listeners(new LauncherDiscoveryListener() {
                    @Override
                    public void issueEncountered(UniqueId engine, DiscoveryIssue issue) {
                        if (issue.severity() == DiscoveryIssue.Severity.ERROR) {
                            problems.add(issue.message());
                        }
                    }

                    @Override
                    public void selectorProcessed(UniqueId engine, DiscoverySelector selector, SelectorResolutionResult result) {
                        result.getThrowable().ifPresent(t -> problems.add(selector + ": " + t));
                    }
                })
                .build();
        ExecutionRecorder recorder = new ExecutionRecorder();
        try (NamespacedHierarchicalStore<Namespace> store = new NamespacedHierarchicalStore<>(null)) {
            CUCUMBER.execute(ExecutionRequest.create(features(request, problems), recorder, request.getConfigurationParameters(),
                    request.getOutputDirectoryCreator(), store));
        }
        return recorder.getExecutionResults();
    }

    private static synchronized TestDescriptor features(LauncherDiscoveryRequest request, List<String> problems) {
        if (features == null) {
            TestDescriptor discovered = CUCUMBER.discover(request, UniqueId.forEngine(CUCUMBER.getId()));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the features could not be discovered: " + problems);
            }
            features = discovered;
        }
        return features;
    }

    /** Runs every feature against a broken implementation in its profile. */
    public static List<ScenarioOutcome> run(Mutant mutant) {
        return run(mutant, mutant.profile());
    }

    public static List<ScenarioOutcome> run(Mutant mutant, WindowsVersion profile) {
        return MutantProvider.running(mutant, () -> run(MutantProvider.class.getName(), profile));
    }

    /**
     * The reference implementation's outcomes in a profile, computed once per JVM: what the broken
     * implementations are compared with. Not for ReferenceConformanceTest, which must run the reference
     * itself (PIT swaps the reference's classes between its runs).
     */
    public static List<ScenarioOutcome> reference(WindowsVersion profile) {
        return REFERENCE.computeIfAbsent(profile.profile(), p -> run("reference", profile));
    }

    /** {@link #reference} by scenario name (the first of equally named scenarios). */
    public static Map<String, ScenarioOutcome> referenceByName(WindowsVersion profile) {
        return reference(profile).stream()
                .collect(Collectors.toMap(ScenarioOutcome::name, Function.identity(), (a, b) -> a));
    }

    private static ScenarioOutcome outcome(Event event, Set<String> recorded) {
        TestDescriptor scenario = event.getTestDescriptor();
        String name = scenario.getDisplayName();
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        Throwable error = result.getThrowable().orElse(null);
        String message = error == null ? null : error.getMessage();
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return new ScenarioOutcome(name, recorded.contains(location(scenario)) ? Outcome.RECORDED : Outcome.PASSED, null, null);
            case ABORTED:
                return new ScenarioOutcome(name, Outcome.ofSkip(message), message, error);
            default:
                return new ScenarioOutcome(name, Outcome.ofThrown(error), message, error);
        }
    }

    /** Where a scenario (or an example row) is written: the feature's class path resource and the line. */
    private static String location(TestDescriptor scenario) {
        return scenario.getSource()
                .filter(ClasspathResourceSource.class::isInstance).map(ClasspathResourceSource.class::cast)
                .map(s -> "classpath:" + s.getClasspathResourceName() + ":" + s.getPosition().map(p -> p.getLine()).orElse(0))
                .orElse("?");
    }

    /**
     * Notes which scenarios attached a recorded value ({@link Recorded#MEDIA_TYPE}), and the kit checks'
     * findings after them ({@link KitCheck#MEDIA_TYPE}): the JUnit events the engine test kit collects do not
     * carry attachments, Cucumber's own events do. Runs are one after another ({@link KitSettings#with} holds a
     * lock), so one set serves them all.
     */
    public static final class Recordings implements ConcurrentEventListener {
        static final Set<String> seen = ConcurrentHashMap.newKeySet();
        static final Map<String, String> findings = new ConcurrentHashMap<>();

        @Override
        public void setEventPublisher(EventPublisher publisher) {
            publisher.registerHandlerFor(EmbedEvent.class, event -> {
                String where = event.getTestCase().getUri() + ":" + event.getTestCase().getLocation().getLine();
                if (Recorded.MEDIA_TYPE.equals(event.getMediaType())) {
                    seen.add(where);
                } else if (KitCheck.MEDIA_TYPE.equals(event.getMediaType())) {
                    findings.put(where, new String(event.getData(), StandardCharsets.UTF_8));
                }
            });
        }
    }
}
