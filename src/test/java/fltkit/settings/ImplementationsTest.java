package fltkit.settings;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.FilterManagerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way naming the implementation can go wrong says what is wrong and how to fix it. */
class ImplementationsTest {

    @Test
    void theReferenceAliasAndAClassNameBothLoad() {
        assertThat(Implementations.byName("reference")).isInstanceOf(ReferenceProvider.class);
        assertThat(Implementations.byName(ReferenceProvider.class.getName())).isInstanceOf(ReferenceProvider.class);
    }

    @Test
    void aMissingClassSaysWhereToNameItAndToCheckTheClassPath() {
        assertThatThrownBy(() -> Implementations.byName("com.example.Missing"))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("'com.example.Missing' was not found on the class path")
                .hasMessageContaining("fltkit.spi.FilterManagerProvider")
                .hasMessageContaining("-Dfltkit.implementation=")
                .hasMessageContaining("--implementation")
                .hasMessageContaining("'reference'");
    }

    @Test
    void aClassThatIsNotAProviderSaysTheKitNeedsTheProvider() {
        assertThatThrownBy(() -> Implementations.byName("fltkit.reference.ReferenceFilterManager"))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("does not implement fltkit.spi.FilterManagerProvider")
                .hasMessageContaining("not the filter manager itself");
    }

    @Test
    void aConstructorThatThrowsIsReportedWithItsCause() {
        assertThatThrownBy(() -> Implementations.byName(Throwing.class.getName()))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("could not be created")
                .hasMessageContaining("IllegalStateException: no driver loaded")
                .hasMessageContaining("public no-argument constructor");
    }

    @Test
    void aProviderWithoutANoArgumentConstructorSaysItNeedsOne() {
        assertThatThrownBy(() -> Implementations.byName(NeedsArgument.class.getName()))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("could not be created")
                .hasMessageContaining("public no-argument constructor");
    }

    @Test
    void withoutASettingTheOneServiceLoaderProviderIsUsed() {
        // The kit's test resources register the reference, and nothing else.
        assertThat(loadWith(Thread.currentThread().getContextClassLoader())).isInstanceOf(ReferenceProvider.class);
    }

    @Test
    void severalServiceLoaderProvidersAreNamedAndTheSettingSuggested(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + FilterManagerProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, Other.class.getName() + "\n");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
        assertThatThrownBy(() -> loadWith(loader))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("several implementations are registered")
                .hasMessageContaining(ReferenceProvider.class.getName())
                .hasMessageContaining(Other.class.getName())
                .hasMessageContaining("-Dfltkit.implementation=<class name>");
    }

    @Test
    void noServiceLoaderProviderSaysBothWaysToNameOne() {
        ClassLoader bare = new ClassLoader(FilterManagerProvider.class.getClassLoader()) {
            @Override
            public java.util.Enumeration<URL> getResources(String name) throws IOException {
                return name.startsWith("META-INF/services/") ? java.util.Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        assertThatThrownBy(() -> loadWith(bare))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("no implementation under test")
                .hasMessageContaining("-Dfltkit.implementation")
                .hasMessageContaining("META-INF/services/fltkit.spi.FilterManagerProvider");
    }

    private static FilterManagerProvider loadWith(ClassLoader loader) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        AtomicReference<FilterManagerProvider> loaded = new AtomicReference<>();
        thread.setContextClassLoader(loader);
        try {
            // An empty override hides any -Dfltkit.implementation the build may pass.
            KitSettings.with(Map.of(KitSettings.IMPLEMENTATION, ""), () -> loaded.set(Implementations.load()));
        } finally {
            thread.setContextClassLoader(previous);
        }
        return loaded.get();
    }

    public static class Throwing extends ReferenceProvider {
        public Throwing() {
            throw new IllegalStateException("no driver loaded");
        }
    }

    public static class NeedsArgument extends ReferenceProvider {
        public NeedsArgument(String driver) {
        }
    }

    public static class Other extends ReferenceProvider {
    }
}
