package fltkit.settings;

import fltkit.spi.FilterManagerProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the implementation under test: {@code -Dfltkit.implementation=<class>} first, then ServiceLoader. */
public final class Implementations {
    /** The alias for the kit's own reference implementation. */
    public static final String REFERENCE_ALIAS = "reference";
    private static final String REFERENCE_CLASS = "fltkit.reference.ReferenceProvider";
    /** The alias for an implementation in any language, run as a process (command in fltkit.process.command). */
    public static final String PROCESS_ALIAS = "process";
    /** Named, not imported: the process adapter sits above these settings and reads them itself. */
    public static final String PROCESS_CLASS = "fltkit.process.ProcessProvider";
    /** The process adapter's settings: the command (a JSON array of strings) and the time limit per request. */
    public static final String PROCESS_COMMAND = "fltkit.process.command";
    public static final String PROCESS_TIMEOUT = "fltkit.process.timeout-ms";

    private static final String HOW_TO_NAME = "-D" + KitSettings.IMPLEMENTATION + "=<class> in a Maven or JUnit run, "
            + "--implementation <class> on the command line";

    /**
     * Providers already made, by name and the process settings in force: a runner that checks the
     * implementation before the run and the run's scenarios share one provider (for the process adapter:
     * one process).
     */
    private static final Map<String, FilterManagerProvider> MADE = new HashMap<>();

    private Implementations() {
    }

    /** The provider the settings name, else the one ServiceLoader finds. */
    public static FilterManagerProvider load() {
        return KitSettings.get(KitSettings.IMPLEMENTATION)
                .map(Implementations::byName)
                .orElseGet(Implementations::fromServiceLoader);
    }

    /** The provider of this class name or alias, made once per JVM for the same process settings. */
    public static FilterManagerProvider byName(String name) {
        String key = name + "|" + KitSettings.get(PROCESS_COMMAND).orElse("") + "|" + KitSettings.get(PROCESS_TIMEOUT).orElse("");
        synchronized (MADE) {
            FilterManagerProvider made = MADE.get(key);
            if (made == null) {
                made = make(name);
                MADE.put(key, made);
            }
            return made;
        }
    }

    private static FilterManagerProvider make(String name) {
        String className = REFERENCE_ALIAS.equals(name) ? REFERENCE_CLASS : PROCESS_ALIAS.equals(name) ? PROCESS_CLASS : name;
        Class<?> type;
        try {
            type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new KitConfigurationException("implementation class '" + className + "' was not found on the "
                    + "class path; pass the fully qualified name of a class implementing "
                    + FilterManagerProvider.class.getName() + ", or 'reference' (" + HOW_TO_NAME + "; check the spelling and that "
                    + "its jar is on the class path, e.g. with --class-path)", e);
        }
        if (!FilterManagerProvider.class.isAssignableFrom(type)) {
            throw new KitConfigurationException("implementation class '" + className + "' does not implement "
                    + FilterManagerProvider.class.getName() + "; the kit needs the provider (its entry point), not the filter manager itself");
        }
        try {
            return (FilterManagerProvider) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof KitConfigurationException) {
                // The provider's own configuration error (the process adapter: no command, command not found) says how to fix it.
                throw (KitConfigurationException) cause;
            }
            throw new KitConfigurationException("implementation class '" + className + "' could not be created: "
                    + cause + "; it needs a public no-argument constructor that does not throw", e);
        }
    }

    private static FilterManagerProvider fromServiceLoader() {
        List<FilterManagerProvider> found = ServiceLoader.load(FilterManagerProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new KitConfigurationException("no implementation under test: set -D" + KitSettings.IMPLEMENTATION
                    + "=<class name> (or 'reference'), or register one in META-INF/services/"
                    + FilterManagerProvider.class.getName());
        }
        throw new KitConfigurationException("several implementations are registered through ServiceLoader ("
                + found.stream().map(p -> p.getClass().getName()).collect(Collectors.joining(", "))
                + "); choose one with -D" + KitSettings.IMPLEMENTATION + "=<class name>");
    }
}
