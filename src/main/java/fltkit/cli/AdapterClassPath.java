package fltkit.cli;

import fltkit.spi.FilterManagerProvider;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The jars and class directories given with {@code --class-path}, and the providers they register. */
final class AdapterClassPath {
    private AdapterClassPath() {
    }

    /** A loader over the entries, child of {@code parent}; every entry must exist. */
    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (Path entry : entries) {
            if (!Files.exists(entry)) {
                throw new UsageException("--class-path entry '" + entry + "' does not exist; give the path of the jar "
                        + "(or class directory) that holds your adapter");
            }
            try {
                urls.add(entry.toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("--class-path entry '" + entry + "' is not a usable path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    /** The class name of the one provider the added entries register through ServiceLoader. */
    static String registeredProvider(ClassLoader loader, List<Path> entries) {
        Set<String> alreadyThere = names(loader.getParent());
        List<String> found = names(loader).stream().filter(name -> !alreadyThere.contains(name)).collect(Collectors.toList());
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new UsageException("no adapter: " + entries + " register no " + FilterManagerProvider.class.getName()
                    + " in META-INF/services; add --implementation <provider class name>");
        }
        throw new UsageException(entries + " register several providers (" + String.join(", ", found)
                + "); choose one with --implementation <class name>");
    }

    private static Set<String> names(ClassLoader loader) {
        if (loader == null) {
            return Set.of();
        }
        return ServiceLoader.load(FilterManagerProvider.class, loader).stream()
                .map(provider -> provider.type().getName())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
