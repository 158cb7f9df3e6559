package fltkit.suite;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

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
@SelectPackages("fltkit.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "fltkit.steps")
@ConfigurationParameter(key = "cucumber.publish.quiet", value = "true")
@ConfigurationParameter(key = "cucumber.junit-platform.naming-strategy", value = "long")
@ConfigurationParameter(key = "cucumber.junit-platform.naming-strategy.long.example-name", value = "pickle")
public class ConformanceTests {
}
