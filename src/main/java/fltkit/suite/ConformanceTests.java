package fltkit.suite;

import fltkit.runner.EngineSettings;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The ready-made suite for an implementer's Maven build: every canonical feature against the provider
 * named by {@code -Dfltkit.implementation} (or the one registered in
 * {@code META-INF/services/fltkit.spi.FilterManagerProvider}), in the profile named by
 * {@code -Dfltkit.profile} (default win11).
 *
 * <p>Run it without writing a class: list the kit under Surefire's {@code <dependenciesToScan>} (its
 * name ends in {@code Tests}, so Surefire's default includes pick it up). Or extend it in your
 * src/test, e.g. {@code class FilterManagerConformanceTest extends ConformanceTests {}} (the suite
 * annotations are inherited).
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages(EngineSettings.FEATURES_PACKAGE)
@ConfigurationParameter(key = EngineSettings.GLUE, value = EngineSettings.GLUE_PACKAGE)
@ConfigurationParameter(key = EngineSettings.PUBLISH_QUIET, value = "true")
@ConfigurationParameter(key = EngineSettings.NAMING_STRATEGY_KEY, value = EngineSettings.NAMING_STRATEGY)
@ConfigurationParameter(key = EngineSettings.EXAMPLE_NAME_KEY, value = EngineSettings.EXAMPLE_NAME)
public class ConformanceTests {
}
