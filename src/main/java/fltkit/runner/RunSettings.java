package fltkit.runner;

import fltkit.report.AllureMode;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.spi.WindowsVersion;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.suite.api.ConfigurationParameter;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings of one conformance run, every {@code fltkit.*} key, from one documented precedence: a JUnit
 * Platform configuration parameter (which JUnit itself takes from the launcher, a system property or
 * {@code junit-platform.properties}, in that order) wins over a {@code @ConfigurationParameter} on the
 * selected class, which wins over the default. The run installs them all as {@link KitSettings} overrides,
 * so the steps and the process adapter read the same values.
 */
public final class RunSettings {
    public static final String PREFIX = "fltkit.";
    /** Where the reports go; a Maven run's default. */
    public static final String REPORTS = "fltkit.reports";
    public static final Path DEFAULT_REPORTS = Path.of("target", "fltkit-reports");
    /** A Cucumber tag expression: a PARTIAL run for debugging. */
    public static final String TAGS = "fltkit.tags";
    /** {@code report} (Allure results and the single-file report), {@code results} (results only) or {@code off}. */
    public static final String ALLURE = "fltkit.allure";
    /**
     * Whether each profile gets Cucumber's own HTML report; off unless asked for: about 5 MB a profile (its
     * script bundle and every message of the run), most of what a run wrote, while the summary, the JUnit XML
     * and the Allure report already show every outcome.
     */
    public static final String CUCUMBER_HTML = "fltkit.cucumber-html";
    /** Whether each profile keeps the Cucumber messages (NDJSON) for tools that read them. */
    public static final String MESSAGES = "fltkit.messages";
    /** A run that did not exercise every applicable MUST rule fails (non-zero exit, a failing JUnit test). */
    public static final String REQUIRE_FULL = "fltkit.require-full";
    /** Progress lines (one per feature and profile) while the run goes. */
    public static final String PROGRESS = "fltkit.progress";
    /** How many random call sequences to explore per profile after its scenarios (0, the default: none). */
    public static final String EXPLORE = "fltkit.explore";
    /** The first sequence's seed when exploring (default 1): the same seed gives the same sequences. */
    public static final String EXPLORE_SEED = "fltkit.explore.seed";
    /** The key under which a launcher finds the run's result ({@link ConformanceRun}). */
    public static final String RUN_ID = "fltkit.run.id";

    private final Map<String, String> values;

    private RunSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The settings of a run selected through {@code selected} (null when none was), read from JUnit's parameters. */
    static RunSettings of(ConfigurationParameters parameters, Class<?> selected) {
        Map<String, String> onTheClass = new LinkedHashMap<>();
        if (selected != null) {
            for (ConfigurationParameter parameter : AnnotationSupport.findRepeatableAnnotations(selected, ConfigurationParameter.class)) {
                onTheClass.put(parameter.key(), parameter.value());
            }
        }
        Set<String> keys = new TreeSet<>(onTheClass.keySet());
        keys.addAll(parameters.keySet());
        keys.addAll(System.getProperties().stringPropertyNames());
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            if (key.startsWith(PREFIX)) {
                // JUnit's own order (launcher parameter, system property, junit-platform.properties), then the class.
                String value = parameters.get(key).orElse(onTheClass.get(key));
                if (value != null) {
                    values.put(key, value);
                }
            }
        }
        return new RunSettings(values);
    }

    static RunSettings of(Map<String, String> values) {
        return new RunSettings(values);
    }

    /** Every fltkit.* setting, for {@link KitSettings#with}. */
    Map<String, String> all() {
        return values;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The profiles to run: one name, {@code all}, or several joined with commas. */
    List<WindowsVersion> profiles() {
        String text = get(KitSettings.PROFILE).orElse(KitSettings.DEFAULT_PROFILE);
        try {
            return WindowsVersion.fromProfiles(text);
        } catch (IllegalArgumentException e) {
            throw new KitConfigurationException(KitSettings.PROFILE + "=" + text + ": " + e.getMessage(), e);
        }
    }

    Path reports() {
        return get(REPORTS).map(Path::of).orElse(DEFAULT_REPORTS);
    }

    Optional<String> tags() {
        return get(TAGS);
    }

    boolean partial() {
        return tags().isPresent();
    }

    AllureMode allure() {
        String given = get(ALLURE).orElse(AllureMode.REPORT.value());
        return AllureMode.parse(given).orElseThrow(() -> new KitConfigurationException(
                ALLURE + " must be " + AllureMode.choices() + ", got '" + given + "'"));
    }

    /** A whole number setting, not negative. */
    long number(String key, long fallback) {
        return get(key).map(v -> {
            try {
                long n = Long.parseLong(v);
                if (n < 0) {
                    throw new NumberFormatException("negative");
                }
                return n;
            } catch (NumberFormatException e) {
                throw new KitConfigurationException(key + " must be a whole number, not negative, got '" + v + "'");
            }
        }).orElse(fallback);
    }

    boolean flag(String key, boolean fallback) {
        return get(key).map(v -> {
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new KitConfigurationException(key + " must be true or false, got '" + v + "'");
            }
            return Boolean.parseBoolean(v);
        }).orElse(fallback);
    }
}
