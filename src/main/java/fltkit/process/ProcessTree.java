package fltkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the processes an implementation left behind after they were re-parented (a daemon, or a child
 * still running after the implementation exited): {@link ProcessHandle#descendants()} no longer reaches
 * them, but they inherited the environment. Linux only (it reads /proc); elsewhere it finds nothing, and
 * the kit relies on the descendants it saw while the implementation lived.
 */
final class ProcessTree {
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** The processes, other than this JVM, whose environment has the entry {@code NAME=value}. */
    static List<ProcessHandle> carrying(String entry) {
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(PROC.resolve("self"))) {
            return found;
        }
        byte[] wanted = entry.getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : pids) {
                long pid;
                try {
                    pid = Long.parseLong(dir.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid != self && hasEntry(dir.resolve("environ"), wanted)) {
                    ProcessHandle.of(pid).ifPresent(found::add);
                }
            }
        } catch (IOException | SecurityException e) {
            // nothing to be found this way
        }
        return found;
    }

    private static boolean hasEntry(Path environ, byte[] wanted) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(environ);   // gone, a zombie, or another user's: unreadable, so not ours
        } catch (IOException | SecurityException e) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i - start == wanted.length && Arrays.equals(bytes, start, i, wanted, 0, wanted.length)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
