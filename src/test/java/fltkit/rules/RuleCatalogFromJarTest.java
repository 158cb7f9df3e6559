package fltkit.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Read from a jar (the CLI's case), the catalogue leaves the jar free for the Cucumber engine to scan. */
class RuleCatalogFromJarTest {

    @Test
    void loadingFromAJarLeavesNoFileSystemOpen(@TempDir Path dir) throws Exception {
        loadsFromJar(dir.resolve("kit.jar"), "");
    }

    /** A jar with directory entries (as Maven builds it): the class loader names the folder with a trailing slash. */
    @Test
    void aFolderEntryInTheJarReadsTheSame(@TempDir Path dir) throws Exception {
        loadsFromJar(dir.resolve("kit.jar"), "/");
    }

    private void loadsFromJar(Path jar, String slash) throws Exception {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            if (!slash.isEmpty()) {
                out.putNextEntry(new JarEntry("fltkit/features/"));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("fltkit/features/a.feature"));
            out.write(("Feature: a\n  @must @windows:all\n  Rule: ALLOC-901 a rule\n    Source: x\n\n"
                    + "    Scenario: ALLOC-901 s\n      Given y\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        URI root = URI.create("jar:" + jar.toUri() + "!/fltkit/features" + slash);
        ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                try {
                    return name.equals(RuleCatalog.FEATURES_RESOURCE) ? root.toURL() : super.getResource(name);
                } catch (java.net.MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        AtomicReference<RuleCatalog> catalog = new AtomicReference<>();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            catalog.set(RuleCatalog.load());
        } finally {
            thread.setContextClassLoader(previous);
        }
        assertThat(catalog.get().rules()).extracting(RuleEntry::id).containsExactly("ALLOC-901");
        // JUnit's class-path scanner does exactly this; it fails if the catalogue left the jar open.
        try (FileSystem again = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            assertThat(Files.exists(again.getPath("fltkit/features/a.feature"))).isTrue();
        }
    }
}
