package fltkit.runner;

import fltkit.suite.ConformanceTests;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * An implementer's own suite class (a subclass of the kit's, with settings on it) beside the kit's suite that
 * Surefire finds through dependenciesToScan: one request selects both, and the kit runs once, with the subclass's
 * settings.
 */
class SuiteSubclassTest {
    @ConfigurationParameter(key = "fltkit.profile", value = "win7,win8")
    public static class MyConformanceTest extends ConformanceTests {
    }

    @Test
    void theKitRunsOnceWithTheMostSpecificClassSettings() {
        TestDescriptor root = EngineTestKit.engine(FltkitEngine.ID)
                .selectors(selectClass(ConformanceTests.class), selectClass(MyConformanceTest.class))
                .discover().getEngineDescriptor();

        List<? extends TestDescriptor> profiles = List.copyOf(root.getChildren());
        assertThat(profiles).extracting(TestDescriptor::getDisplayName).hasSize(2)
                .allMatch(name -> name.contains("win7") || name.contains("win8"));
        assertThat(profiles).allSatisfy(profile -> assertThat(profile.getSource()).contains(ClassSource.from(MyConformanceTest.class)));
    }

    @Test
    void aSystemPropertyOrLauncherParameterWinsOverTheClass() {
        TestDescriptor root = EngineTestKit.engine(FltkitEngine.ID)
                .selectors(selectClass(MyConformanceTest.class))
                .configurationParameter("fltkit.profile", "vista")
                .discover().getEngineDescriptor();

        assertThat(root.getChildren()).extracting(TestDescriptor::getDisplayName).singleElement()
                .satisfies(name -> assertThat(name).contains("vista"));
    }
}
