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
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestCaseStarted;
import io.cucumber.junit.platform.engine.CucumberTestEngine;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.SelectorResolutionResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.FilePosition;
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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * Runs every feature through the real Cucumber engine against one implementation in one profile, and
 * classifies each scenario with the kit's own outcome model ({@link Outcome}).
 */
public final class KitRun {
    private static final Map<String, List<ScenarioOutcome>> REFERENCE = new ConcurrentHashMap<>();
    private static final Map<String, Map<String, Set<String>>> CALLS = new ConcurrentHashMap<>();
    private static final TestEngine CUCUMBER = new CucumberTestEngine();
    /** The features as the engine discovered them, once per JVM. */
    private static TestDescriptor features;

    private KitRun() {
    }

    public static List<ScenarioOutcome> run(String implementation, WindowsVersion profile) {
        return run(implementation, profile, null);
    }

    /** Runs every scenario of these feature files (names such as {@code ContextZeroing.feature}), in the order given. */
    public static List<ScenarioOutcome> runFeatures(String implementation, WindowsVersion profile, String... featureFiles) {
        Set<String> locations = new java.util.LinkedHashSet<>();
        for (String file : featureFiles) {
            locations.add("classpath:" + EngineSettings.FEATURES_PACKAGE.replace('.', '/') + "/" + file);
        }
        return run(implementation, profile, locations);
    }

    /**
     * Runs the scenarios written at these locations ({@code classpath:<resource>:<line>}, or a whole feature as
     * {@code classpath:<resource>}); every scenario when null.
     */
    private static List<ScenarioOutcome> run(String implementation, WindowsVersion profile, Set<String> locations) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, implementation, KitSettings.PROFILE, profile.profile()), () -> {
            Recordings.seen.clear();
            Recordings.findings.clear();
            for (Event event : execute(locations).testEvents().finished().list()) {
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
    private static EngineExecutionResults execute(Set<String> locations) {
        Map<String, String> config = new HashMap<>(EngineSettings.base());
        config.put("cucumber.plugin", Recordings.class.getName());
        List<String> problems = new ArrayList<>();
        List<DiscoverySelector> selectors = locations == null ? List.of(selectPackage(EngineSettings.FEATURES_PACKAGE))
                : locations.stream().sorted().map(KitRun::selector).collect(Collectors.toList());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .selectors(selectors)
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
            TestDescriptor selected = locations == null ? features(request, problems) : discover(request, problems);
            CUCUMBER.execute(ExecutionRequest.create(selected, recorder, request.getConfigurationParameters(),
                    request.getOutputDirectoryCreator(), store));
        }
        return recorder.getExecutionResults();
    }

    private static synchronized TestDescriptor features(LauncherDiscoveryRequest request, List<String> problems) {
        if (features == null) {
            features = discover(request, problems);
        }
        return features;
    }

    private static TestDescriptor discover(LauncherDiscoveryRequest request, List<String> problems) {
        TestDescriptor discovered = CUCUMBER.discover(request, UniqueId.forEngine(CUCUMBER.getId()));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the features could not be discovered: " + problems);
        }
        return discovered;
    }

    /** The scenario (or example row) written at {@code classpath:<resource>:<line>}, or the whole feature file. */
    private static DiscoverySelector selector(String location) {
        if (location.endsWith(".feature")) {
            return selectClasspathResource(location.substring("classpath:".length()));
        }
        String resource = location.substring("classpath:".length(), location.lastIndexOf(':'));
        int line = Integer.parseInt(location.substring(location.lastIndexOf(':') + 1));
        return selectClasspathResource(resource, FilePosition.from(line));
    }

    /**
     * Runs a broken implementation in its profile on the scenarios that can tell it from the reference: those that
     * call a routine it replaces (as the reference's run, seen through {@link CallRecordingProvider}, showed). Every
     * other scenario makes only calls the reference answers, so it ends as it does against the reference (which
     * {@link #reference} holds); a mutant that drops a role, or runs over a reference broken inside, runs every scenario.
     */
    public static List<ScenarioOutcome> runWhereItDiffers(Mutant mutant) {
        Optional<Set<String>> replaced = mutant.onlyReplaces();
        Map<String, Set<String>> calls = callsByScenario(mutant.profile());
        if (replaced.isEmpty() || calls.containsKey(CallRecordingProvider.OUTSIDE)) {
            return run(mutant);
        }
        Set<String> reached = calls.entrySet().stream().filter(e -> !Collections.disjoint(e.getValue(), replaced.get()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        if (reached.isEmpty()) {
            return List.of();
        }
        return MutantProvider.running(mutant, () -> run(MutantProvider.class.getName(), mutant.profile(), reached));
    }

    /**
     * The routines each scenario calls on its filter manager against the reference in a profile, by location, once
     * per JVM. The run that notes them must end every scenario as the reference's own run did: if the reference
     * answered differently from one run to the next, a scenario left out could not be taken to end as it did.
     */
    static Map<String, Set<String>> callsByScenario(WindowsVersion profile) {
        return CALLS.computeIfAbsent(profile.profile(), p -> {
            CallRecordingProvider.CALLS.clear();
            List<ScenarioOutcome> recorded = run(CallRecordingProvider.class.getName(), profile);
            Map<String, Set<String>> calls = new HashMap<>();
            CallRecordingProvider.CALLS.forEach((where, routines) -> calls.put(where, Set.copyOf(routines)));
            CallRecordingProvider.CALLS.clear();
            Map<String, Long> seen = outcomeCounts(recorded);
            Map<String, Long> reference = outcomeCounts(reference(profile));
            if (!seen.equals(reference)) {
                throw new IllegalStateException("the reference ended its scenarios differently in two runs in " + p
                        + ": " + reference + " and " + seen);
            }
            return Map.copyOf(calls);
        });
    }

    private static Map<String, Long> outcomeCounts(List<ScenarioOutcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(o -> o.name() + " -> " + o.outcome(), Collectors.counting()));
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
            publisher.registerHandlerFor(TestCaseStarted.class, event -> CallRecordingProvider.scenario =
                    event.getTestCase().getUri() + ":" + event.getTestCase().getLocation().getLine());
            publisher.registerHandlerFor(TestCaseFinished.class, event -> CallRecordingProvider.scenario = null);
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
