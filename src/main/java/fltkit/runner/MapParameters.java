package fltkit.runner;

import org.junit.platform.engine.ConfigurationParameters;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration parameters of the nested Cucumber run: the kit's own values, then the outer run's for any other key
 * but a Cucumber one. The kit alone says which features run, with which glue, filters and execution mode: a
 * {@code cucumber.*} setting from outside (a system property, a junit-platform.properties on the class path, the
 * launcher's parameters) never reaches its engine ({@link #OWN_PREFIX}).
 */
final class MapParameters implements ConfigurationParameters {
    /** The keys only the kit sets for its Cucumber run. */
    static final String OWN_PREFIX = "cucumber.";

    private final Map<String, String> values;
    private final ConfigurationParameters outer;

    MapParameters(Map<String, String> values, ConfigurationParameters outer) {
        this.values = Map.copyOf(values);
        this.outer = outer;
    }

    @Override
    public Optional<String> get(String key) {
        String value = values.get(key);
        return value != null ? Optional.of(value) : key.startsWith(OWN_PREFIX) ? Optional.empty() : outer.get(key);
    }

    @Override
    public Optional<Boolean> getBoolean(String key) {
        return get(key).map(Boolean::parseBoolean);
    }

    @Override
    @Deprecated
    public int size() {
        return keySet().size();
    }

    @Override
    public Set<String> keySet() {
        Set<String> keys = new HashSet<>(outer.keySet());
        keys.removeIf(key -> key.startsWith(OWN_PREFIX));
        keys.addAll(values.keySet());
        return keys;
    }
}
