package fltkit.runner;

import fltkit.explore.SetsThroughDyingInstance;
import fltkit.hostile.ClaimsNoProfile;
import fltkit.reference.ReferenceProvider;
import fltkit.suite.ConformanceTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Through the JUnit Platform, as a Maven build runs the kit: whatever fails the run (no verdict, a kit-check breach, a
 * divergence exploration found) is a failed test reported inside its profile's container, while that container is
 * open. Surefire closes a test class's report when its container finishes; a failure reported after that was dropped,
 * and a build with no verdict passed.
 */
class FailuresInsideTheirProfileTest {
    @TempDir
    Path reports;

    /** The failed tests, each with whether its parent container was still open when it finished. */
    private record Failure(String name, String parent, boolean parentOpen, String message) {
    }

    private List<Failure> run(Class<?> implementation, Map<String, String> more, PostDiscoveryFilter... filters) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .filters(filters)
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(ConformanceTests.class))
                .configurationParameter("fltkit.implementation", implementation.getName())
                .configurationParameter("fltkit.profile", "win11")
                .configurationParameter("fltkit.reports", reports.toString())
                .configurationParameter("fltkit.allure", "off")
                .configurationParameter("fltkit.progress", "false");
        more.forEach(request::configurationParameter);
        LauncherDiscoveryRequest built = request.build();
        Set<String> open = new HashSet<>();
        List<Failure> failures = new ArrayList<>();
        LauncherFactory.create().execute(built, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                open.add(id.getUniqueId());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                open.remove(id.getUniqueId());
                if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                    String parent = id.getParentId().orElse("");
                    failures.add(new Failure(id.getDisplayName(), parent, open.contains(parent),
                            result.getThrowable().map(Throwable::getMessage).orElse("")));
                }
            }
        });
        return failures;
    }

    @Test
    void noVerdictIsAFailedTestOfTheOpenProfile() {
        List<Failure> failures = run(ClaimsNoProfile.class, Map.of());
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("win11 / conformance claim");
            assertThat(f.parent()).endsWith("[profile:win11]");
            assertThat(f.message()).startsWith("win11: NO VERDICT, ");
            assertThat(f.parentOpen()).as("reported while the profile's container was open").isTrue();
        });
    }

    /** As the command line exits 4: a run limited by tags claims no conformance, so it cannot pass a build. */
    @Test
    void aPartialRunInWhichNothingFailedStillFailsItsConformanceClaim() {
        List<Failure> failures = run(ReferenceProvider.class, Map.of(RunSettings.TAGS, "@needs:irql"));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("win11 / conformance claim");
            assertThat(f.message()).startsWith("win11: PARTIAL, ").contains("@needs:irql", "establishes no conformance");
            assertThat(f.parentOpen()).isTrue();
        });
    }

    /**
     * A filter of the launcher (here the tag filter Surefire's excludedGroups sets) that leaves scenarios out makes the
     * run PARTIAL: the kit never judges fewer scenarios than it discovered as a whole run.
     */
    @Test
    void scenariosTheLauncherFilteredOutMakeTheRunPartial() {
        List<Failure> failures = run(ReferenceProvider.class, Map.of(), TagFilter.excludeTags("needs:irql"));
        assertThat(failures).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("win11 / conformance claim");
            assertThat(f.message()).startsWith("win11: PARTIAL, ").containsPattern("launcher filter: left out 4 of the \\d+ scenarios of win11");
        });
        assertThat(reports.resolve("conformance-summary.json")).content().contains("\"partial\" : true");
    }

    @Test
    void aDivergenceExplorationFoundIsAFailedTestOfTheOpenProfile() {
        List<Failure> failures = run(SetsThroughDyingInstance.Provider.class, Map.of(RunSettings.EXPLORE, "150"));
        assertThat(failures).filteredOn(f -> f.name().startsWith("win11 / exploration diverged on SET-012")).isNotEmpty()
                .allSatisfy(f -> assertThat(f.parentOpen()).as("%s reported while its profile was open", f.name()).isTrue());
        assertThat(failures).allSatisfy(f -> assertThat(f.parentOpen()).as("%s", f.name()).isTrue());
    }
}
