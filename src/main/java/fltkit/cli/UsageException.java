package fltkit.cli;

import fltkit.settings.KitConfigurationException;

/** The command line itself is wrong (unknown option, missing value, conflicting options). Exit code 2. */
public class UsageException extends KitConfigurationException {
    public UsageException(String message) {
        super(message);
    }
}
