package fltkit.settings;

import fltkit.spi.WindowsVersion;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a conformance run reads: which implementation and which Windows profile. They come from
 * system properties, or from overrides a launcher installs for the duration of one engine run (so the
 * kit's own tests can run several configurations in one JVM, one after another).
 */
public final class KitSettings {
    /** Class name of a {@link fltkit.spi.FilterManagerProvider}, or {@code reference}. */
    public static final String IMPLEMENTATION = "fltkit.implementation";
    /** One profile name: vista, win7, win8, win10 or win11. */
    public static final String PROFILE = "fltkit.profile";
    public static final String DEFAULT_PROFILE = "win11";

    private static volatile Map<String, String> overrides = Map.of();

    private KitSettings() {
    }

    public static Optional<String> get(String key) {
        String value = overrides.get(key);
        if (value == null) {
            value = System.getProperty(key);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }

    public static WindowsVersion profile() {
        String name = get(PROFILE).orElse(DEFAULT_PROFILE);
        try {
            return WindowsVersion.fromProfile(name);
        } catch (IllegalArgumentException e) {
            throw new KitConfigurationException("-D" + PROFILE + "=" + name + ": " + e.getMessage()
                    + "; one Maven or JUnit run tests one profile", e);
        }
    }

    /** Runs {@code action} with these settings in force, then restores the previous ones. */
    public static synchronized void with(Map<String, String> settings, Runnable action) {
        Map<String, String> previous = overrides;
        Map<String, String> merged = new HashMap<>(previous);
        merged.putAll(settings);
        overrides = Map.copyOf(merged);
        try {
            action.run();
        } finally {
            overrides = previous;
        }
    }
}
