package fltkit.runner;

import fltkit.explore.Exploration;
import fltkit.explore.ExplorationOptions;
import fltkit.explore.ExplorationResult;
import fltkit.report.ConformanceSummary;
import fltkit.report.ExplorationSummary;
import fltkit.report.ProfileRun;
import fltkit.report.Reports;
import fltkit.report.RunInfo;
import fltkit.report.RunRecorder;
import fltkit.report.ScenarioRun;
import fltkit.rules.FeatureResources;
import fltkit.settings.Implementations;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;
import io.cucumber.junit.platform.engine.CucumberTestEngine;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;


/**
 * The kit on the JUnit Platform: one engine ({@value #ID}) that runs every canonical feature, once per Windows
 * profile the settings name, through the Cucumber engine, and then gives the verdict: the tests JUnit counts
 * beyond the scenarios (each kit-check breach, each profile without a verdict), the reports, and the closing
 * lines. Maven (Surefire selecting a {@link FilterManagerConformance} class) and the command line
 * ({@link ConformanceRun}) both run it, so both leave the same verdict, reports and lines.
 */
public final class FltkitEngine implements TestEngine {
    public static final String ID = "fltkit";
    private static final CucumberTestEngine CUCUMBER = new CucumberTestEngine();
    /** What can prune the kit's tree between discovery and execution, for messages. */
    private static final String LAUNCHER_FILTERS = "a filter of the launcher (Surefire's groups or excludedGroups, a tag, name "
            + "or test selection)";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("io.github.fltkit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        List<Class<?>> marked = request.getSelectorsByType(ClassSelector.class).stream().map(ClassSelector::getJavaClass)
                .filter(type -> type.isAnnotationPresent(FilterManagerConformance.class)).distinct().toList();
        // Surefire scanning the kit's jar (dependenciesToScan) and finding a subclass of its suite in src/test selects
        // both in one request: the kit runs once, with the most specific class's settings.
        Class<?> selected = marked.stream().filter(type -> marked.stream().noneMatch(other -> other != type && type.isAssignableFrom(other)))
                .findFirst().orElse(null);
        boolean byId = request.getSelectorsByType(UniqueIdSelector.class).stream()
                .anyMatch(s -> s.getUniqueId().getEngineId().filter(ID::equals).isPresent());
        if (selected == null && !byId) {
            return new EngineDescriptor(uniqueId, "fltkit conformance kit");
        }
        RunSettings settings = RunSettings.of(request.getConfigurationParameters(), selected);
        RunDescriptor run = new RunDescriptor(uniqueId, settings);
        TestSource source = selected == null ? null : ClassSource.from(selected);
        // Each feature named by its class-path resource: a package selector would have the engine scan the whole jar.
        List<ClasspathResourceSelector> features = FeatureResources.names().stream().map(DiscoverySelectors::selectClasspathResource).toList();
        for (WindowsVersion profile : settings.profiles()) {
            ProfileDescriptor descriptor = new ProfileDescriptor(uniqueId.append("profile", profile.profile()), profile, source);
            descriptor.features(CUCUMBER.discover(LauncherDiscoveryRequestBuilder.request()
                    // Only the kit's settings: a cucumber.features or cucumber.filter.* from outside must not change what runs.
                    .enableImplicitConfigurationParameters(false)
                    .selectors(features)
                    .configurationParameters(cucumberSettings(run, profile))
                    .build(), descriptor.getUniqueId().append("engine", "cucumber")));
            run.addChild(descriptor);
        }
        return run;
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor root = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        if (!(root instanceof RunDescriptor)) {
            listener.executionFinished(root, TestExecutionResult.successful());
            return;
        }
        RunDescriptor run = (RunDescriptor) root;
        PrintStream out = ConformanceRun.output(run.settings());
        for (String key : outsideCucumberSettings(request.getConfigurationParameters())) {
            out.println("fltkit: ignored " + key + ", set outside the kit: its Cucumber run takes only the kit's own features, "
                    + "glue, filters and execution mode (a partial run is --tags or " + RunSettings.TAGS + ", and is marked PARTIAL)");
        }
        try (ExitGuard guard = ExitGuard.arm()) {
            KitSettings.with(run.settings().all(), () -> runProfiles(request, run, listener, out, guard));
            listener.executionFinished(root, TestExecutionResult.successful());
        } catch (KitConfigurationException e) {
            ConformanceRun.finished(run.settings(), RunOutcome.misconfigured(e.getMessage()));
            out.println("fltkit: " + e.getMessage());
            listener.executionFinished(root, TestExecutionResult.failed(e));
        }
    }

    private void runProfiles(ExecutionRequest request, RunDescriptor run, EngineExecutionListener listener, PrintStream out,
                             ExitGuard guard) {
        // The implementation is loaded before any scenario, so a wrong adapter is one clear error, not 300 broken scenarios.
        FilterManagerProvider provider = Implementations.load();
        RunSettings settings = run.settings();
        List<WindowsVersion> profiles = run.getChildren().stream().map(c -> ((ProfileDescriptor) c).profile()).toList();
        Optional<String> filtered = leftOutByTheLauncher(run);
        if (profiles.isEmpty()) {
            throw new KitConfigurationException(LAUNCHER_FILTERS + " " + filtered.orElse("left out every scenario") + ": nothing to "
                    + "judge; run the kit's suite without filters (in Surefire, an execution of its own for fltkit.suite.ConformanceTests)");
        }
        filtered.ifPresent(what -> out.println("fltkit: *** PARTIAL RUN *** " + LAUNCHER_FILTERS + " " + what
                + "; this run establishes no conformance: run the kit's suite without filters for a verdict"));
        boolean partial = settings.partial() || filtered.isPresent();
        String limitedBy = filtered.map(what -> RunInfo.LAUNCHER_FILTER + what + settings.tags().map(t -> ", and --tags " + t).orElse(""))
                .orElse(settings.tags().orElse(null));
        // The folder is claimed before any scenario runs: a folder that is not the kit's to write is refused first.
        try (Reports reports = Reports.open(settings.reports(), profiles, settings.allure())) {
            List<ProfileRun> runs = java.util.Collections.synchronizedList(new ArrayList<>());
            // The reports of a run cut short need nothing from the implementation: what it is was asked once, up front.
            AtomicReference<RunInfo> started = new AtomicReference<>(ImplementationProbe.unknown(profiles, partial, limitedBy));
            guard.whenCutShort(reason -> reports.writeUnfinished(started.get(), withCurrent(run, runs), reason));
            started.set(ImplementationProbe.run(provider, profiles, partial, limitedBy));
            runProfiles(request, run, listener, out, started.get(), reports, runs);
        }
    }

    private void runProfiles(ExecutionRequest request, RunDescriptor run, EngineExecutionListener listener, PrintStream out,
                             RunInfo started, Reports reports, List<ProfileRun> runs) {
        RunSettings settings = run.settings();
        List<ExplorationSummary> explored = new ArrayList<>();
        for (TestDescriptor child : run.getChildren()) {
            ProfileDescriptor profile = (ProfileDescriptor) child;
            listener.executionStarted(profile);
            KitSettings.with(Map.of(KitSettings.PROFILE, profile.profile().profile()), () -> CUCUMBER.execute(ExecutionRequest.create(
                    profile.features(), new Progress(listener, profile, run.recorderKey(profile.profile()), out,
                            settings.flag(RunSettings.PROGRESS, true)),
                    new MapParameters(cucumberSettings(run, profile.profile()), request.getConfigurationParameters()),
                    request.getOutputDirectoryCreator(), request.getStore())));
            ProfileRun recorded = RunRecorder.take(run.recorderKey(profile.profile()), profile.profile().profile());
            runs.add(recorded);
            Optional<ExplorationSummary> exploration = explore(settings, recorded, out);
            exploration.ifPresent(explored::add);
            // Everything that fails the run is a failed test inside its profile's container, reported before the container
            // finishes: a build tool (Surefire) closes the report of a test class when its container finishes, and drops
            // what comes after.
            reportKitChecks(profile, recorded, listener, reports);
            exploration.ifPresent(found -> reportDivergences(profile, found, listener));
            reportVerdict(profile, started, recorded, exploration, settings, listener);
            listener.executionFinished(profile, TestExecutionResult.successful());
        }
        ConformanceSummary summary = reports.write(started, runs, explored, out);
        RunOutcome outcome = RunOutcome.of(summary, settings.flag(RunSettings.REQUIRE_FULL, false));
        outcome.lines().forEach(out::println);
        out.println("fltkit: reports in " + reports.folder().toAbsolutePath().normalize());
        ConformanceRun.finished(settings, outcome);
    }

    /**
     * What a filter of the launcher left out of the run the kit discovered (JUnit prunes the tree between discovery
     * and execution: Surefire's groups and excludedGroups, an IDE running one scenario): "left out 4 of the 521
     * scenarios of win11", or empty when every scenario of every profile asked for is there.
     */
    static Optional<String> leftOutByTheLauncher(RunDescriptor run) {
        List<String> left = new ArrayList<>();
        Map<WindowsVersion, ProfileDescriptor> present = new HashMap<>();
        run.getChildren().forEach(c -> present.put(((ProfileDescriptor) c).profile(), (ProfileDescriptor) c));
        for (WindowsVersion profile : run.settings().profiles()) {
            ProfileDescriptor descriptor = present.get(profile);
            if (descriptor == null) {
                left.add("every scenario of " + profile.profile());
            } else if (descriptor.scenarios() < descriptor.discovered()) {
                left.add((descriptor.discovered() - descriptor.scenarios()) + " of the " + descriptor.discovered() + " scenarios of "
                        + profile.profile());
            }
        }
        return left.isEmpty() ? Optional.empty() : Optional.of("left out " + String.join(", ", left));
    }

    /** The profiles that finished, and what the one under way recorded so far (a run cut short keeps it). */
    private static List<ProfileRun> withCurrent(RunDescriptor run, List<ProfileRun> finished) {
        List<ProfileRun> runs = new ArrayList<>(finished);
        run.getChildren().stream().map(c -> ((ProfileDescriptor) c).profile()).skip(runs.size()).findFirst()
                .ifPresent(current -> runs.add(RunRecorder.snapshot(run.recorderKey(current), current.profile())));
        return runs;
    }

    /**
     * With {@link RunSettings#EXPLORE} sequences asked for, each profile the implementation claims is explored after the
     * scenarios: random call sequences judged by the documented rules, divergences shrunk to scenarios. Empty when
     * not asked for, or when the implementation does not claim the profile.
     */
    private static Optional<ExplorationSummary> explore(RunSettings settings, ProfileRun run, PrintStream out) {
        long sequences = settings.number(RunSettings.EXPLORE, 0);
        if (sequences == 0) {
            return Optional.empty();
        }
        FilterManagerProvider provider = Implementations.load();
        WindowsVersion profile = WindowsVersion.fromProfile(run.profile());
        if (!provider.windowsVersions().contains(profile)) {
            return Optional.empty();
        }
        ExplorationResult result = Exploration.run(ExplorationOptions.of(provider, profile)
                .withSequences((int) Math.min(sequences, Integer.MAX_VALUE))
                .withSeed(settings.number(RunSettings.EXPLORE_SEED, ExplorationOptions.DEFAULT_SEED))
                .withProgress(out, ExplorationOptions.DEFAULT_PROGRESS_EVERY));
        return Optional.of(new ExplorationSummary(result.profile(), result.seed(), result.sequences(), result.calls(), result.seconds(),
                result.divergences().stream().map(d -> new ExplorationSummary.Found(d.ruleId(), d.message(), d.scenario(), d.seed(),
                        d.steps())).toList()));
    }

    /** Each divergence exploration found is a failed test of its own: no rule's verdict, but something that failed. */
    private static void reportDivergences(ProfileDescriptor profile, ExplorationSummary explored, EngineExecutionListener listener) {
        int n = 0;
        for (ExplorationSummary.Found found : explored.divergences()) {
            failedTest(profile, profile.getUniqueId().append("divergence", Integer.toString(++n)), profile.profile().profile()
                    + " / exploration diverged on " + found.rule() + " (seed " + found.seed() + ")", found.message(), listener);
        }
    }

    /** Each kit-check breach is a failed test of its own, named by the check and the scenario it ran after. */
    private static void reportKitChecks(ProfileDescriptor profile, ProfileRun run, EngineExecutionListener listener, Reports reports) {
        int n = 0;
        for (ScenarioRun scenario : run.scenarios()) {
            if (scenario.kitCheck() == null) {
                continue;
            }
            failedTest(profile, profile.getUniqueId().append("kit-check", scenario.kitCheck().check() + "-" + (++n)),
                    profile.profile().profile() + " / " + scenario.kitCheck().check() + " after " + scenario.name(),
                    scenario.kitCheck().message(), listener);
            reports.kitCheckBreach(profile.profile().profile(), scenario);
        }
    }

    /**
     * A profile without a verdict (or, when a full run is required, an incomplete one, or any profile of a PARTIAL run)
     * fails a test saying so. Its verdict depends on its own scenarios alone, so it is judged here, as the whole run's
     * summary will judge it.
     */
    private static void reportVerdict(ProfileDescriptor profile, RunInfo started, ProfileRun recorded,
                                      Optional<ExplorationSummary> explored, RunSettings settings, EngineExecutionListener listener) {
        String name = profile.profile().profile();
        ConformanceSummary alone = ConformanceSummary.build(started.finishedNow(), List.of(recorded), explored.stream().toList());
        RunOutcome.of(alone, settings.flag(RunSettings.REQUIRE_FULL, false)).refusal(name).ifPresent(refusal ->
                failedTest(profile, profile.getUniqueId().append("verdict", name), name + " / conformance claim", refusal, listener));
    }

    /** A test of the profile that failed with this message, registered, started and finished at once. */
    private static void failedTest(ProfileDescriptor profile, UniqueId id, String name, String message, EngineExecutionListener listener) {
        VerdictDescriptor test = new VerdictDescriptor(id, name, profile.getSource().orElse(null));
        profile.addChild(test);
        listener.dynamicTestRegistered(test);
        listener.executionStarted(test);
        listener.executionFinished(test, TestExecutionResult.failed(new AssertionError(message)));
    }

    /**
     * The {@code cucumber.*} settings given to this run from outside (the launcher's parameters, a
     * junit-platform.properties, system properties), which the kit's Cucumber run never sees ({@link MapParameters}):
     * a dry run, other features or a filter would otherwise pass for a verdict.
     */
    static List<String> outsideCucumberSettings(ConfigurationParameters parameters) {
        TreeSet<String> keys = new TreeSet<>();
        Stream.concat(parameters.keySet().stream(), System.getProperties().stringPropertyNames().stream())
                .filter(key -> key.startsWith(MapParameters.OWN_PREFIX)).forEach(keys::add);
        return List.copyOf(keys);
    }

    /** The Cucumber engine's settings for one profile: the kit's engine settings, the recorder, the reports asked for. */
    private static Map<String, String> cucumberSettings(RunDescriptor run, WindowsVersion profile) {
        RunSettings settings = run.settings();
        Map<String, String> config = new HashMap<>(EngineSettings.base());
        List<String> plugins = new ArrayList<>();
        plugins.add(RunRecorder.class.getName() + ":" + run.recorderKey(profile));
        java.nio.file.Path folder = settings.reports().resolve(profile.profile());
        if (settings.flag(RunSettings.CUCUMBER_HTML, false)) {
            plugins.add("html:" + folder.resolve("cucumber.html"));
        }
        if (settings.flag(RunSettings.MESSAGES, false)) {
            plugins.add("message:" + folder.resolve("cucumber-messages.ndjson"));
        }
        if (settings.allure().writesResults()) {
            plugins.add("fltkit.report.AllureResults:" + settings.reports().resolve(Reports.ALLURE_RESULTS));
        }
        config.put("cucumber.plugin", String.join(",", plugins));
        settings.tags().ifPresent(tags -> config.put("cucumber.filter.tags", tags));
        return config;
    }

    /** The whole run: its settings, and a key per profile under which the recorder keeps what it saw. */
    static final class RunDescriptor extends EngineDescriptor {
        private final RunSettings settings;
        private final String key = UUID.randomUUID().toString();

        RunDescriptor(UniqueId id, RunSettings settings) {
            super(id, "fltkit conformance kit");
            this.settings = settings;
        }

        RunSettings settings() {
            return settings;
        }

        String recorderKey(WindowsVersion profile) {
            return key + "-" + profile.profile();
        }
    }
}
