package fltkit.runner;

import org.junit.platform.engine.ConfigurationParameters;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Configuration parameters of a nested engine run: the kit's own values first, then the outer run's. */
final class MapParameters implements ConfigurationParameters {
    private final Map<String, String> values;
    private final ConfigurationParameters outer;

    MapParameters(Map<String, String> values, ConfigurationParameters outer) {
        this.values = Map.copyOf(values);
        this.outer = outer;
    }

    @Override
    public Optional<String> get(String key) {
        String value = values.get(key);
        return value != null ? Optional.of(value) : outer.get(key);
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
        keys.addAll(values.keySet());
        return keys;
    }
}
