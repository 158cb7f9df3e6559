package fltkit.selftest;

import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import fltkit.runner.EngineSettings;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

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

    private KitRun() {
    }

    public static List<ScenarioOutcome> run(String implementation, WindowsVersion profile) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, implementation, KitSettings.PROFILE, profile.profile()), () -> {
            Map<String, String> config = new HashMap<>(EngineSettings.base());
            config.put("cucumber.plugin", Recordings.class.getName());
            Recordings.seen.clear();
            EngineExecutionResults results = EngineTestKit.engine("cucumber")
                    .selectors(selectPackage(EngineSettings.FEATURES_PACKAGE))
                    .configurationParameters(config)
                    .execute();
            for (Event event : results.testEvents().finished().list()) {
                outcomes.add(outcome(event, Recordings.seen));
            }
        });
        return outcomes;
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
     * Notes which scenarios attached a recorded value ({@link Recorded#MEDIA_TYPE}): the JUnit events
     * the engine test kit collects do not carry attachments, Cucumber's own events do. Runs are one after
     * another ({@link KitSettings#with} holds a lock), so one set serves them all.
     */
    public static final class Recordings implements ConcurrentEventListener {
        static final Set<String> seen = ConcurrentHashMap.newKeySet();

        @Override
        public void setEventPublisher(EventPublisher publisher) {
            publisher.registerHandlerFor(EmbedEvent.class, event -> {
                if (Recorded.MEDIA_TYPE.equals(event.getMediaType())) {
                    seen.add(event.getTestCase().getUri() + ":" + event.getTestCase().getLocation().getLine());
                }
            });
        }
    }
}
