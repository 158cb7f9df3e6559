package fltkit.settings;

/** The run is misconfigured (unknown profile, adapter that cannot be loaded, ...). The message says how to fix it. */
public class KitConfigurationException extends RuntimeException {
    public KitConfigurationException(String message) {
        super(message);
    }

    public KitConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
