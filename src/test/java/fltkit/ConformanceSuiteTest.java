package fltkit;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;

/**
 * Every feature against the implementation named by -Dfltkit.implementation (the reference when the
 * kit's own build runs it) in the profile named by -Dfltkit.profile.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("fltkit.features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "fltkit.steps")
public class ConformanceSuiteTest {
}
