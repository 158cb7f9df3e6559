package fltkit.runner;

import java.util.HashMap;
import java.util.Map;

/**
 * How the kit's features run on the Cucumber engine: where the features and the glue are, and how
 * scenarios are named. The one definition every launcher uses (the command line, the Maven suite, the
 * kit's own tests).
 */
public final class EngineSettings {
    /** The package the features are packaged under (features/ becomes fltkit/features in the jar). */
    public static final String FEATURES_PACKAGE = "fltkit.features";
    /** The step definitions and hooks. */
    public static final String GLUE_PACKAGE = "fltkit.steps";
    /**
     * A scenario is named by its pickle name, which starts with its rule's ID, and an example row by the
     * pickle name with the row's values filled in, so every test name a JUnit report shows carries the rule.
     */
    public static final String NAMING_STRATEGY = "short";
    public static final String EXAMPLE_NAME = "pickle";

    public static final String GLUE = "cucumber.glue";
    public static final String PUBLISH_QUIET = "cucumber.publish.quiet";
    public static final String NAMING_STRATEGY_KEY = "cucumber.junit-platform.naming-strategy";
    public static final String EXAMPLE_NAME_KEY = "cucumber.junit-platform.naming-strategy.short.example-name";

    private EngineSettings() {
    }

    /** The configuration parameters every run of the features gets. */
    public static Map<String, String> base() {
        Map<String, String> config = new HashMap<>();
        config.put(GLUE, GLUE_PACKAGE);
        config.put(PUBLISH_QUIET, "true");
        config.put(NAMING_STRATEGY_KEY, NAMING_STRATEGY);
        config.put(EXAMPLE_NAME_KEY, EXAMPLE_NAME);
        return config;
    }
}
