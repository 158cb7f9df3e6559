package fltkit.selftest;

import fltkit.report.RunRecorder;
import fltkit.report.ScenarioRun;
import fltkit.runner.EngineSettings;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/** Runs every feature through the real Cucumber engine against one implementation in one profile. */
public final class KitRun {
    private static final Map<String, List<ScenarioOutcome>> CACHE = new ConcurrentHashMap<>();

    private KitRun() {
    }

    public static List<ScenarioOutcome> run(String implementation, WindowsVersion profile) {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        String recorder = UUID.randomUUID().toString();
        KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, implementation, KitSettings.PROFILE, profile.profile()), () -> {
            EngineExecutionResults results = EngineTestKit.engine("cucumber")
                    .selectors(selectPackage(EngineSettings.FEATURES_PACKAGE))
                    .configurationParameters(EngineSettings.base())
                    .configurationParameter("cucumber.plugin", RunRecorder.class.getName() + ":" + recorder)
                    .execute();
            for (Event event : results.testEvents().finished().list()) {
                outcomes.add(outcome(event));
            }
        });
        // The kit checks' breaches are not the scenarios' own results: the recorder has them.
        Map<String, String> findings = new HashMap<>();
        for (ScenarioRun run : RunRecorder.take(recorder, profile.profile()).scenarios()) {
            if (run.kitCheck() != null) {
                findings.put(run.name(), run.kitCheck().message());
            }
        }
        outcomes.replaceAll(o -> findings.containsKey(o.name()) ? o.withKitCheck(findings.get(o.name())) : o);
        return outcomes;
    }

    /** The reference implementation's outcomes in a profile, computed once per JVM. */
    public static List<ScenarioOutcome> reference(WindowsVersion profile) {
        return CACHE.computeIfAbsent(profile.profile(), p -> run("reference", profile));
    }

    private static ScenarioOutcome outcome(Event event) {
        String name = event.getTestDescriptor().getDisplayName();
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        Throwable error = result.getThrowable().orElse(null);
        String message = error == null ? null : error.getMessage();
        switch (result.getStatus()) {
            case SUCCESSFUL:
                return new ScenarioOutcome(name, ScenarioOutcome.Status.PASSED, null, null);
            case ABORTED:
                return new ScenarioOutcome(name, ScenarioOutcome.Status.SKIPPED, message, error);
            default:
                return new ScenarioOutcome(name, error instanceof AssertionError
                        ? ScenarioOutcome.Status.FAILED : ScenarioOutcome.Status.BROKEN, message, error);
        }
    }
}
