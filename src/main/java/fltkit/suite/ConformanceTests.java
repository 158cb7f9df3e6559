package fltkit.suite;

import fltkit.runner.FilterManagerConformance;

/**
 * The ready-made entry for an implementer's Maven build: Surefire selecting this class (or a subclass of it
 * in your src/test) runs the kit's {@code fltkit} engine: every canonical feature against the provider named
 * by {@code fltkit.implementation} (or the one registered in
 * {@code META-INF/services/fltkit.spi.FilterManagerProvider}), in the profiles named by {@code fltkit.profile}
 * (a name, several joined with commas, or {@code all}; default win11), leaving the summary, JUnit XML and
 * Allure results in {@code fltkit.reports} (default target/fltkit-reports) and the closing lines in the log.
 *
 * <p>Settings come from JUnit configuration parameters (Surefire's {@code <configurationParameters>},
 * {@code junit-platform.properties}, system properties) or from
 * {@code @org.junit.platform.suite.api.ConfigurationParameter} on your subclass, in that order of precedence.
 */
@FilterManagerConformance
public class ConformanceTests {
}
