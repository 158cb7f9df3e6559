package fltkit.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * The entry point of an implementation under test. The kit finds it through
 * {@code -Dfltkit.implementation=<class name>} or, failing that, {@link java.util.ServiceLoader}.
 * It needs a public no-argument constructor.
 */
public interface FilterManagerProvider {

    ImplementationInfo info();

    /** What the implementation claims; scenarios needing anything else are reported "not declared". */
    Set<Capability> capabilities();

    /** The Windows versions the implementation claims to behave as. */
    default Set<WindowsVersion> windowsVersions() {
        return EnumSet.allOf(WindowsVersion.class);
    }

    /**
     * A fresh filter manager behaving as the given Windows version, with no filter registered.
     * Called once per scenario; the kit closes it at the end of the scenario.
     */
    FilterManager create(WindowsVersion version);
}
