package fltkit.rules;

import fltkit.settings.KitConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The feature files the kit ships, found on the class path under {@value RuleCatalog#FEATURES_RESOURCE}: inside
 * a jar (the kit's own, or the command-line jar) or in a folder (a Maven build's {@code target/classes}).
 * <p>
 * A jar is listed through {@link JarFile}, which shares the central directory the class loader already read; a
 * zip file system would parse all of it again each time it is opened, and the command-line jar holds about
 * 20,000 entries. Naming the files one by one also spares the Cucumber engine a scan of the whole jar for
 * each profile it discovers.
 */
public final class FeatureResources {
    private static final String SUFFIX = ".feature";

    private FeatureResources() {
    }

    /** The class-path names of every feature file ({@code fltkit/features/SetContext.feature}), sorted. */
    public static List<String> names() {
        URL root = root();
        try {
            List<String> names = "jar".equals(root.getProtocol()) ? inJar(root) : inFolder(Path.of(root.toURI()));
            Collections.sort(names);
            return List.copyOf(names);
        } catch (IOException | URISyntaxException e) {
            throw new KitConfigurationException("cannot list the feature files at " + root + ": " + e.getMessage(), e);
        }
    }

    /** Opens one feature file named by {@link #names()}, without leaving the jar open behind it. */
    public static InputStream open(String name) throws IOException {
        if (!name.startsWith(RuleCatalog.FEATURES_RESOURCE + "/")) {
            throw new IllegalArgumentException(name + " is not under " + RuleCatalog.FEATURES_RESOURCE);
        }
        String root = root().toString();
        String folder = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        URLConnection connection = new URL(folder + name.substring(RuleCatalog.FEATURES_RESOURCE.length())).openConnection();
        connection.setUseCaches(false);
        return connection.getInputStream();
    }

    private static URL root() {
        URL root = loader().getResource(RuleCatalog.FEATURES_RESOURCE);
        if (root == null) {
            throw new KitConfigurationException("no feature files on the class path under " + RuleCatalog.FEATURES_RESOURCE
                    + "; is the kit's jar on the class path?");
        }
        return root;
    }

    private static List<String> inJar(URL root) throws IOException, URISyntaxException {
        URLConnection connection = root.openConnection();
        URL jarUrl = ((JarURLConnection) connection).getJarFileURL();
        if (!"file".equals(jarUrl.getProtocol())) {
            throw new IOException("the kit reads its features from a folder or from a jar file on disk, not from " + jarUrl);
        }
        String prefix = RuleCatalog.FEATURES_RESOURCE + "/";
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(Path.of(jarUrl.toURI()).toFile())) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix) && entry.getName().endsWith(SUFFIX)) {
                    names.add(entry.getName());
                }
            }
        }
        return names;
    }

    private static List<String> inFolder(Path folder) throws IOException {
        Path base = folder;
        for (int i = 0; i < RuleCatalog.FEATURES_RESOURCE.split("/").length; i++) {
            base = base.getParent();
        }
        Path classPathRoot = base;
        try (Stream<Path> walk = Files.walk(folder)) {
            return new ArrayList<>(walk.filter(p -> p.toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .map(p -> classPathRoot.relativize(p).toString().replace('\\', '/')).toList());
        }
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FeatureResources.class.getClassLoader();
    }
}
