package fltkit.explore;

import fltkit.report.RunRecorder;
import fltkit.report.ScenarioRun;
import fltkit.runner.EngineSettings;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/** Runs features through the real Cucumber engine against one implementation in one profile. */
final class FeatureRun {
    enum Status { PASSED, FAILED, BROKEN, SKIPPED }

    /** How a scenario ended, and what the kit's own check after it found (null when nothing). */
    record Scenario(String name, Status status, Throwable error, String kitCheck) {
        String message() {
            return error == null ? null : error.getMessage();
        }
    }

    private FeatureRun() {
    }

    /** Every feature of the kit. */
    static List<Scenario> kitFeatures(String implementation, WindowsVersion profile, Map<String, String> settings) {
        return run(selectPackage(EngineSettings.FEATURES_PACKAGE), implementation, profile, settings);
    }

    /** The scenario exploration printed, pasted under a rule of its ID in a feature of its own. */
    static Scenario printedScenario(Path folder, Divergence divergence, String implementation, WindowsVersion profile,
                                    Map<String, String> settings) {
        String indented = divergence.scenario().lines().map(line -> "    " + line).collect(Collectors.joining("\n"));
        String feature = "Feature: Found by exploration\n\n"
                + "  @must @windows:all\n"
                + "  Rule: " + divergence.ruleId() + " as exploration found it\n"
                + "    Source: the exploration's shrunk scenario\n\n"
                + indented + "\n";
        try {
            Path directory = Files.createDirectories(folder.resolve(divergence.ruleId() + "-" + Math.abs(divergence.seed())));
            Files.writeString(directory.resolve("found.feature"), feature);
            List<Scenario> ran = run(selectDirectory(directory.toFile()), implementation, profile, settings);
            if (ran.size() != 1) {
                throw new AssertionError("expected the one printed scenario to run, ran " + ran + " from\n" + feature);
            }
            return ran.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Scenario> run(DiscoverySelector selector, String implementation, WindowsVersion profile,
                                      Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(KitSettings.IMPLEMENTATION, implementation);
        all.put(KitSettings.PROFILE, profile.profile());
        List<Scenario> scenarios = new ArrayList<>();
        String recorder = UUID.randomUUID().toString();
        Map<String, String> findings = new HashMap<>();
        KitSettings.with(all, () -> {
            EngineExecutionResults results = EngineTestKit.engine("cucumber").selectors(selector)
                    .configurationParameters(EngineSettings.base())
                    .configurationParameter("cucumber.plugin", RunRecorder.class.getName() + ":" + recorder)
                    .execute();
            for (ScenarioRun run : RunRecorder.take(recorder, profile.profile()).scenarios()) {
                if (run.kitCheck() != null) {
                    findings.put(run.name(), run.kitCheck().message());
                }
            }
            for (Event event : results.testEvents().finished().list()) {
                TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                Throwable error = result.getThrowable().orElse(null);
                Status status = switch (result.getStatus()) {
                    case SUCCESSFUL -> Status.PASSED;
                    case ABORTED -> Status.SKIPPED;
                    default -> error instanceof AssertionError ? Status.FAILED : Status.BROKEN;
                };
                String name = event.getTestDescriptor().getDisplayName();
                scenarios.add(new Scenario(name, status, error, findings.get(name)));
            }
        });
        return scenarios;
    }
}
