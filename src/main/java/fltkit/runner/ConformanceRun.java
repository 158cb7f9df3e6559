package fltkit.runner;

import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * One conformance run launched from code (the command line, an embedding tool): the {@link FltkitEngine} on
 * the JUnit Platform, with the settings passed as configuration parameters, exactly as a Maven run would
 * pass them; the engine leaves the reports and the closing lines, and this returns how the run ended.
 */
public final class ConformanceRun {
    private static final Map<String, RunOutcome> FINISHED = new ConcurrentHashMap<>();
    private static final Map<String, PrintStream> OUTPUT = new ConcurrentHashMap<>();

    /**
     * @param implementation provider class name, {@code reference} or {@code process}
     * @param profiles       the profiles to run, in order
     * @param reports        where reports go
     * @param tagFilter      a Cucumber tag expression, or null for the canonical (complete) run
     * @param settings       further fltkit.* settings (the process command, allure, require-full, ...)
     */
    public record Options(String implementation, List<WindowsVersion> profiles, Path reports, String tagFilter,
                          Map<String, String> settings) {
        public boolean partial() {
            return tagFilter != null && !tagFilter.isBlank();
        }
    }

    private ConformanceRun() {
    }

    /** Runs the kit; progress, the closing lines and the reports line go to {@code out}. */
    public static RunOutcome execute(Options options, PrintStream out) {
        String id = UUID.randomUUID().toString();
        OUTPUT.put(id, out);
        Map<String, String> config = new HashMap<>(options.settings());
        config.put(KitSettings.IMPLEMENTATION, options.implementation());
        config.put(KitSettings.PROFILE, options.profiles().stream().map(WindowsVersion::profile).collect(Collectors.joining(",")));
        config.put(RunSettings.REPORTS, options.reports().toString());
        config.put(RunSettings.RUN_ID, id);
        if (options.partial()) {
            config.put(RunSettings.TAGS, options.tagFilter());
        }
        // Fail fast, with the loader's message, on an adapter that cannot be loaded.
        KitSettings.with(config, () -> Implementations.byName(options.implementation()));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId("[engine:" + FltkitEngine.ID + "]"))
                .filters(includeEngines(FltkitEngine.ID))
                .configurationParameters(config)
                .build();
        try {
            LauncherFactory.create().execute(request);
        } finally {
            OUTPUT.remove(id);
        }
        RunOutcome outcome = FINISHED.remove(id);
        if (outcome == null) {
            throw new IllegalStateException("the fltkit engine did not run (is the kit's jar complete? its "
                    + "META-INF/services/org.junit.platform.engine.TestEngine names fltkit.runner.FltkitEngine)");
        }
        return outcome;
    }

    /** Where a launcher-started run prints; a run started by Maven prints to System.out. */
    static PrintStream output(RunSettings settings) {
        return settings.get(RunSettings.RUN_ID).map(OUTPUT::get).orElse(System.out);
    }

    /** The engine hands a launcher-started run's outcome back here (runs started by Maven have no id). */
    static void finished(RunSettings settings, RunOutcome outcome) {
        settings.get(RunSettings.RUN_ID).ifPresent(id -> FINISHED.put(id, outcome));
    }
}
