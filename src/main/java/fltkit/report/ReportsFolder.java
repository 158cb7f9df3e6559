package fltkit.report;

import fltkit.report.Manifest.History;
import fltkit.settings.KitConfigurationException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The folder a run writes its reports into. It is the user's: the kit deletes or overwrites only what
 * an earlier run of the kit listed in the folder's manifest ({@value #MANIFEST}), and refuses a folder
 * in which anything else stands where it would write. The same holds for the Allure history folder.
 * Claiming the folder creates it, takes its lock for the whole run and writes to it, so a folder that
 * cannot be used is refused before any scenario runs.
 */
public final class ReportsFolder implements AutoCloseable {
    public static final String MANIFEST = ".fltkit-reports.json";
    public static final String LOCK = ".fltkit-reports.lock";
    /** Sets a folder aside for the kit's reports although it holds other files (as this repository's reports/ holds its README). */
    public static final String MARKER = ".fltkit-reports-folder";
    private static final String CHOOSE = "choose another folder with --reports";

    private final Path root;
    private final List<String> outputs;
    private final Path history;
    private final boolean historyCreated;
    private final FileChannel lock;
    /** Folders that were there before this run: the kit did not create them, so it never lists them. */
    private final Set<Path> foundFolders;
    private List<String> historyFiles;
    private boolean closed;

    private ReportsFolder(Path root, List<String> outputs, History history, FileChannel lock) {
        this.root = root;
        this.outputs = List.copyOf(outputs);
        this.history = root.resolve(history.folder());
        this.historyCreated = history.created();
        this.historyFiles = List.copyOf(history.files());
        this.lock = lock;
        this.foundFolders = new HashSet<>();
        for (String output : outputs) {
            walk(root.resolve(output), p -> Files.isDirectory(p, NOFOLLOW_LINKS), foundFolders::add);
        }
    }

    /**
     * Claims the folder for one run that writes {@code outputs} (names relative to it) and keeps its Allure
     * history in {@code historyFolder}: deletes what the previous run listed, or refuses, saying why and
     * what to do, with a {@link KitConfigurationException}.
     */
    public static ReportsFolder claim(Path folder, List<String> outputs, Path historyFolder) {
        Path root = folder.toAbsolutePath().normalize();
        Path history = historyFolder.toAbsolutePath().normalize();
        create(root);
        boolean lockExisted = Files.exists(root.resolve(LOCK), NOFOLLOW_LINKS);
        FileChannel lock = lock(root);
        try {
            probe(root);
            if (history.equals(root) || root.startsWith(history) || outputs.stream().anyMatch(o -> history.startsWith(root.resolve(o)))) {
                throw refused("the Allure history folder " + history + " overlaps the reports; choose a folder of its own with -D"
                        + AllureReport.HISTORY_PROPERTY + ", or drop the setting to keep it in " + root.resolve(".allure-history"));
            }
            Manifest previous = previous(root);
            refuseWhatIsInTheWay(root, outputs, Set.copyOf(previous.written()));
            History kept = keptHistory(root, previous.history(), history);
            deleteListed(root, previous.written(), "an earlier kit run wrote");
            return new ReportsFolder(root, outputs, kept, lock);
        } catch (IOException | RuntimeException e) {
            close(lock);
            if (!lockExisted) {
                quietlyDelete(root.resolve(LOCK));
            }
            throw e instanceof KitConfigurationException ? (KitConfigurationException) e
                    : refused("cannot prepare the reports folder " + root + " (" + reason(e) + "); " + CHOOSE);
        }
    }

    public Path root() {
        return root;
    }

    /** The Allure history an earlier run of the kit left: the only files the kit reads from the history folder. */
    public synchronized List<Path> history() {
        return historyFiles.stream().map(history::resolve).filter(Files::isRegularFile).collect(Collectors.toList());
    }

    /** Replaces the kit's history files with these (names without a folder). */
    public synchronized void replaceHistory(Map<String, byte[]> files) throws IOException {
        Files.createDirectories(history);
        for (String old : historyFiles) {
            if (!files.containsKey(old)) {
                Files.deleteIfExists(history.resolve(old));
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(history.resolve(safeName(file.getKey())), file.getValue());
        }
        historyFiles = List.copyOf(new TreeSet<>(files.keySet()));
    }

    /**
     * Removes one of this run's outputs again (a name it claimed): every file under it, and the folders this run
     * made there. A folder that was there before the run stays, as the manifest would leave it.
     */
    public synchronized void discard(String output) throws IOException {
        if (!outputs.contains(output)) {
            throw new IllegalArgumentException(output + " is not an output this run claimed: " + outputs);
        }
        List<String> written = new ArrayList<>();
        listWritten(output, written);
        deleteListed(root, written, "this run wrote");
    }

    /** Adds what this run wrote under one output (files, and folders it made) to {@code written}, as the manifest names them. */
    private void listWritten(String output, List<String> written) {
        walk(root.resolve(output), p -> !foundFolders.contains(p),
                p -> written.add(relative(root, p) + (Files.isDirectory(p, NOFOLLOW_LINKS) ? "/" : "")));
    }

    /** Lists what this run wrote in the manifest and releases the folder. */
    @Override
    public void close() {
        close(true);
    }

    /** As {@link #close()}; {@code finished} false marks the manifest of a run that was cut short. */
    public synchronized void close(boolean finished) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            List<String> written = new ArrayList<>();
            for (String output : outputs) {
                listWritten(output, written);
            }
            String folder = history.startsWith(root) ? relative(root, history) : history.toString();
            new Manifest(Manifest.FORMAT, RunInfo.readKitVersion(), finished, written, new History(folder, historyFiles, historyCreated))
                    .write(root.resolve(MANIFEST));
        } catch (IOException e) {
            throw refused("cannot write " + root.resolve(MANIFEST) + " (" + reason(e) + "), which lists what this run wrote; "
                    + "without it the next run will refuse the folder: delete the reports by hand or " + CHOOSE);
        } finally {
            close(lock);
        }
    }

    private static void create(Path root) {
        for (Path p = root; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.isDirectory(p)) {
                throw refused(p.equals(root) ? "the reports folder " + root + " is a file; name a folder with --reports (a new one is created)"
                        : "cannot create the reports folder " + root + ": " + p + " is a file, not a folder; " + CHOOSE);
            }
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw refused("cannot create the reports folder " + root + " (" + reason(e) + "); " + CHOOSE + " in a place you can write");
        }
    }

    private static FileChannel lock(Path root) {
        FileChannel channel;
        try {
            channel = FileChannel.open(root.resolve(LOCK), CREATE, WRITE);
        } catch (IOException e) {
            throw refused("cannot write in the reports folder " + root + " (" + reason(e) + "); make it writable or " + CHOOSE);
        }
        try {
            if (channel.tryLock() != null) {
                return channel;
            }
        } catch (OverlappingFileLockException e) {
            // a run in this JVM holds it
        } catch (IOException e) {
            close(channel);
            throw refused("cannot lock the reports folder " + root + " (" + reason(e) + "); " + CHOOSE);
        }
        close(channel);
        throw refused("another conformance run is writing into the reports folder " + root + " (it holds " + LOCK
                + "); wait until it has finished or " + CHOOSE);
    }

    private static void probe(Path root) {
        try {
            Files.delete(Files.createTempFile(root, ".fltkit-probe-", ".tmp"));
        } catch (IOException e) {
            throw refused("cannot write in the reports folder " + root + " (" + reason(e) + "); make it writable or " + CHOOSE);
        }
    }

    /** The previous run's manifest; a folder without one must be empty (or set aside with the marker). */
    private static Manifest previous(Path root) throws IOException {
        Path file = root.resolve(MANIFEST);
        if (Files.exists(file, NOFOLLOW_LINKS)) {
            try {
                return Manifest.read(file);
            } catch (IOException e) {
                throw refused(file + " is not a manifest this kit can read (" + reason(e).lines().findFirst().orElse("") + "); if no "
                        + "kit run wrote it, " + CHOOSE + "; if one did, delete the files it lists and the manifest");
            }
        }
        if (!Files.exists(root.resolve(MARKER), NOFOLLOW_LINKS)) {
            List<String> found;
            try (Stream<Path> entries = Files.list(root)) {
                found = entries.map(p -> relative(root, p)).filter(name -> !name.equals(LOCK)).sorted().collect(Collectors.toList());
            }
            if (!found.isEmpty()) {
                throw refused("the reports folder " + root + " already holds files no run of the kit wrote (" + some(root, found)
                        + "); the kit deletes and overwrites only what its own earlier runs wrote there, so choose an empty or "
                        + "new folder with --reports, or one a previous kit run wrote");
            }
        }
        return Manifest.NONE;
    }

    /** Refuses a folder in which files the previous run did not list stand where this run writes. */
    private static void refuseWhatIsInTheWay(Path root, List<String> outputs, Set<String> listed) {
        List<String> inTheWay = new ArrayList<>();
        for (String output : outputs) {
            walk(root.resolve(output), p -> !Files.isDirectory(p, NOFOLLOW_LINKS) && !listed.contains(relative(root, p)),
                    p -> inTheWay.add(relative(root, p)));
        }
        if (!inTheWay.isEmpty()) {
            throw refused("the reports folder " + root + " holds files where the kit writes its reports, and no earlier kit "
                    + "run wrote them (" + some(root, inTheWay) + "; they are not in its " + MANIFEST + "), so the kit will "
                    + "not overwrite them or mix them into its reports; move them away (a run that was killed leaves such "
                    + "files: delete them) or " + CHOOSE);
        }
    }

    /** The kit's files in the history folder; refuses a history folder that holds anything else. */
    private static History keptHistory(Path root, History previous, Path folder) throws IOException {
        Path old = previous == null ? null : root.resolve(previous.folder()).normalize();
        boolean same = folder.equals(old);
        if (old != null && !same) {
            // the kit's own history in a folder this run no longer uses
            for (String name : previous.files()) {
                Files.deleteIfExists(old.resolve(safeName(name)));
            }
            if (previous.created()) {
                quietlyDelete(old);
            }
        }
        List<String> kits = same ? previous.files() : List.of();
        if (Files.exists(folder, NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(folder, NOFOLLOW_LINKS)) {
                throw refused("the Allure history folder " + folder + " is a file; name a folder with -D" + AllureReport.HISTORY_PROPERTY);
            }
            List<String> foreign;
            try (Stream<Path> entries = Files.list(folder)) {
                foreign = entries.map(p -> p.getFileName().toString()).filter(name -> !kits.contains(name)).sorted()
                        .collect(Collectors.toList());
            }
            if (!foreign.isEmpty()) {
                throw refused("the Allure history folder " + folder + " holds files no kit run wrote there (" + some(folder, foreign)
                        + "); choose an empty or new folder with -D" + AllureReport.HISTORY_PROPERTY
                        + ", or drop the setting to keep the history beside the reports");
            }
        }
        return new History(folder.toString(), kits, same ? previous.created() : !Files.exists(folder, NOFOLLOW_LINKS));
    }

    /** Deletes what a run listed, children first; a listed folder only once it is empty. */
    private static void deleteListed(Path root, List<String> written, String whose) throws IOException {
        Path realRoot = root.toRealPath();
        List<String> entries = new ArrayList<>(written);
        entries.sort(Comparator.reverseOrder());
        for (String entry : entries) {
            Path path = root.resolve(entry).normalize();
            Path parent = path.getParent();
            if (!path.startsWith(root) || path.equals(root) || parent == null || !Files.isDirectory(parent)
                    || !parent.toRealPath().startsWith(realRoot)) {
                continue; // never outside the folder, also not through a link
            }
            try {
                if (!entry.endsWith("/")) {
                    if (!Files.isDirectory(path, NOFOLLOW_LINKS)) {
                        Files.deleteIfExists(path);
                    }
                } else if (Files.isDirectory(path, NOFOLLOW_LINKS) && isEmpty(path)) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw refused("cannot delete " + path + ", which " + whose + " (" + reason(e) + "); delete it yourself or "
                        + CHOOSE);
            }
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void walk(Path start, java.util.function.Predicate<Path> filter, java.util.function.Consumer<Path> action) {
        if (!Files.exists(start, NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(start)) {
            walk.sorted().filter(filter).forEach(action);
        } catch (IOException e) {
            throw refused("cannot read " + start + " (" + reason(e) + "); " + CHOOSE);
        }
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String some(Path root, List<String> names) {
        List<String> shown = names.stream().limit(3).map(n -> root.resolve(n).toString()).collect(Collectors.toList());
        return String.join(", ", shown) + (names.size() > 3 ? " and " + (names.size() - 3) + " more" : "");
    }

    /** A history file name the kit itself chose (Allure's history/*.json); anything else would reach outside the folder. */
    private static String safeName(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("not a history file name: " + name);
        }
        return name;
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + ((NoSuchFileException) e).getFile();
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static KitConfigurationException refused(String message) {
        return new KitConfigurationException(message);
    }

    private static void quietlyDelete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left as it was: not the kit's to force
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // closing releases the lock either way
        }
    }
}
