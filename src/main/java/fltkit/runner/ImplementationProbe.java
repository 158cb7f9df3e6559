package fltkit.runner;

import fltkit.report.RunInfo;
import fltkit.settings.KitSettings;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the implementation says about itself, asked once before any scenario runs: who it is, and the roles
 * its filter manager implements (its capabilities), made for the first profile of the run it claims. Asked on
 * a thread of its own under the call time limit, so an implementation that throws, hangs or ends the JVM here
 * cannot take the run's own records with it; whatever it cannot say is shown as such.
 */
final class ImplementationProbe {
    private ImplementationProbe() {
    }

    /** The run before the implementation was asked anything. */
    static RunInfo unknown(List<WindowsVersion> profiles, boolean partial, String tagFilter) {
        return RunInfo.of(described(null), Set.of(), profiles, partial, tagFilter);
    }

    static RunInfo run(FilterManagerProvider provider, List<WindowsVersion> profiles, boolean partial, String tagFilter) {
        ImplementationInfo info = ask(() -> provider.info(), null);
        Set<Capability> capabilities = ask(() -> {
            for (WindowsVersion profile : profiles) {
                if (provider.windowsVersions().contains(profile)) {
                    try (FilterManager manager = provider.create(profile)) {
                        return manager == null ? Set.<Capability>of() : Capability.of(manager);
                    }
                }
            }
            return Set.<Capability>of();
        }, Set.of());
        return RunInfo.of(described(info), capabilities, profiles, partial, tagFilter);
    }

    /** A provider that only describes: RunInfo asks it nothing but its info. */
    private static FilterManagerProvider described(ImplementationInfo info) {
        return new FilterManagerProvider() {
            @Override
            public ImplementationInfo info() {
                return info;
            }

            @Override
            public FilterManager create(WindowsVersion version) {
                throw new UnsupportedOperationException("only a description");
            }
        };
    }

    private static <T> T ask(java.util.concurrent.Callable<T> question, T fallback) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fltkit implementation probe");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<T> answer = thread.submit(question);
            T value = answer.get(KitSettings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return value == null ? fallback : value;
        } catch (Exception | LinkageError e) {
            return fallback;
        } finally {
            thread.shutdownNow();
        }
    }
}
