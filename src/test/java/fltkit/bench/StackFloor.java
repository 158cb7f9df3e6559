package fltkit.bench;

import fltkit.rules.FeatureResources;
import fltkit.runner.EngineSettings;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Not a test: what the kit's stack costs before the kit does anything, for {@link RunBenchmark}. The kit's features
 * on the Cucumber engine under the JUnit Platform, in a dry run: every step matched to the kit's glue, no step or
 * hook run, no report written. No run of the kit can be faster than this on the same JVM, so it tells which part of
 * a run's time is Cucumber's and the platform's, and which is the kit's.
 */
public final class StackFloor {
    private StackFloor() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .enableImplicitConfigurationParameters(false)
                .selectors(FeatureResources.names().stream().map(DiscoverySelectors::selectClasspathResource).toList())
                .filters(EngineFilter.includeEngines("cucumber"))
                .configurationParameters(EngineSettings.base())
                .configurationParameter("cucumber.execution.dry-run", "true")
                .build();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request, summary);
        long scenarios = summary.getSummary().getTestsFoundCount();
        // The line RunBenchmark reads the scenario count from, as it does from a profile's closing line.
        System.out.println("fltkit: stack: the features in a dry run; " + scenarios + " scenarios: " + summary.getSummary().getTestsSucceededCount()
                + " matched");
        System.exit(scenarios > 0 && summary.getSummary().getTotalFailureCount() == 0 ? 0 : 1);
    }
}
