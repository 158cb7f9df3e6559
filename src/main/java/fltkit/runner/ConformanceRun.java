package fltkit.runner;

import fltkit.report.AllureReport;
import fltkit.report.Reports;
import fltkit.report.ReportsFolder;
import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

/**
 * One conformance run: every canonical feature, through the Cucumber engine, against one
 * implementation, once per Windows profile. Each profile writes its Cucumber HTML, JUnit XML and
 * Cucumber messages under {@code <reports>/<profile>/}; Allure results of all profiles go to
 * {@code <reports>/allure-results}.
 */
public final class ConformanceRun {
    /**
     * @param implementation provider class name or {@code reference}
     * @param profiles       the profiles to run, in order
     * @param reports        where reports go
     * @param tagFilter      a Cucumber tag expression, or null for the canonical (complete) run
     */
    public record Options(String implementation, List<WindowsVersion> profiles, Path reports, String tagFilter) {
        public boolean partial() {
            return tagFilter != null && !tagFilter.isBlank();
        }
    }

    private ConformanceRun() {
    }

    public static List<ProfileResult> execute(Options options) {
        try (ExitGuard guard = ExitGuard.arm()) {
            return execute(options, guard);
        }
    }

    private static List<ProfileResult> execute(Options options, ExitGuard guard) {
        // Fail fast, with the loader's message, on an adapter that cannot be loaded.
        FilterManagerProvider provider = Implementations.byName(options.implementation());
        // Fail fast, before any scenario runs, on a reports folder that cannot be used or is not the kit's to write.
        try (ReportsFolder folder = ReportsFolder.claim(options.reports(), Reports.outputs(options.profiles()),
                AllureReport.historyDirectory(options.reports()))) {
            guard.whenCutShort(reason -> Reports.writeUnfinished(folder, provider, options.profiles(), options.partial(),
                    options.tagFilter(), reason));
            List<ProfileResult> results = new ArrayList<>();
            for (WindowsVersion profile : options.profiles()) {
                results.add(runProfile(options, profile));
            }
            // Every report is written whatever the scenarios did; a report that cannot be written is said loudly.
            try {
                Reports.write(folder, provider, options.profiles(), options.partial(), options.tagFilter());
            } catch (IOException | RuntimeException e) {
                System.err.println("fltkit: could not write the reports in " + options.reports() + ": " + e);
            }
            return results;
        }
    }

    private static ProfileResult runProfile(Options options, WindowsVersion profile) {
        Path dir = options.reports().resolve(profile.profile());
        Map<String, String> config = EngineSettings.base();
        config.put("cucumber.plugin", String.join(",",
                "html:" + dir.resolve("cucumber.html"),
                "junit:" + dir.resolve("cucumber-junit.xml"),
                "message:" + dir.resolve("cucumber-messages.ndjson"),
                "fltkit.report.AllureResults:" + options.reports().resolve(Reports.ALLURE_RESULTS)));
        if (options.partial()) {
            config.put("cucumber.filter.tags", options.tagFilter());
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectPackage(EngineSettings.FEATURES_PACKAGE))
                .configurationParameters(config)
                .build();
        Counter counter = new Counter();
        Map<String, String> settings = Map.of(KitSettings.IMPLEMENTATION, options.implementation(),
                KitSettings.PROFILE, profile.profile());
        KitSettings.with(settings, () -> LauncherFactory.create().execute(request, counter));
        return new ProfileResult(profile, counter.passed.get(), counter.failed.get(), counter.broken.get(), counter.skipped.get());
    }

    /** Counts finished scenarios; an AssertionError is a failed rule, anything else a broken run. */
    private static final class Counter implements TestExecutionListener {
        final AtomicLong passed = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong broken = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (!id.isTest()) {
                return;
            }
            switch (result.getStatus()) {
                case SUCCESSFUL:
                    passed.incrementAndGet();
                    break;
                case ABORTED:
                    skipped.incrementAndGet();
                    break;
                default:
                    if (result.getThrowable().filter(t -> t instanceof AssertionError).isPresent()) {
                        failed.incrementAndGet();
                    } else {
                        broken.incrementAndGet();
                    }
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            // A scenario a tag filter leaves out is not part of the run, so it is not counted as skipped.
            if (id.isTest() && (reason == null || !reason.startsWith("'cucumber.filter.tags="))) {
                skipped.incrementAndGet();
            }
        }
    }
}
