package fltkit.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * The entry point of an implementation under test. The kit finds it through
 * {@code fltkit.implementation=<class name>} or, failing that, {@link java.util.ServiceLoader}. It needs a
 * public no-argument constructor.
 */
public interface FilterManagerProvider {

    /** Who the implementation is, as the reports show it. */
    ImplementationInfo info();

    /** The Windows versions the implementation claims to behave as; the others' scenarios are "not declared". */
    default Set<WindowsVersion> windowsVersions() {
        return EnumSet.allOf(WindowsVersion.class);
    }

    /**
     * A fresh filter manager behaving as the given Windows version, with no filter registered. Called once
     * per scenario; the kit closes it at the end of the scenario. The role interfaces it implements are its
     * capabilities, and must be the same for every instance of one version.
     */
    FilterManager create(WindowsVersion version);
}
