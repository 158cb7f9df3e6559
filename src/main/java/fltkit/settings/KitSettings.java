package fltkit.settings;

import fltkit.spi.WindowsVersion;

import java.time.Duration;
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
    /** How long one call into a Java implementation may take, in milliseconds, before the scenario is broken. */
    public static final String CALL_TIMEOUT_MS = "fltkit.call-timeout-ms";
    /** Longer than the process adapter's own limit per request (10 s), so a hung process is reported by it, with its stderr. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);

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

    /** The time limit of one call into the implementation ({@value #CALL_TIMEOUT_MS}). */
    public static Duration callTimeout() {
        return get(CALL_TIMEOUT_MS).map(text -> {
            try {
                long millis = Long.parseLong(text);
                if (millis <= 0) {
                    throw new NumberFormatException("not positive");
                }
                return Duration.ofMillis(millis);
            } catch (NumberFormatException e) {
                throw new KitConfigurationException(CALL_TIMEOUT_MS + " must be a positive number of milliseconds, got '"
                        + text + "'", e);
            }
        }).orElse(DEFAULT_CALL_TIMEOUT);
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
