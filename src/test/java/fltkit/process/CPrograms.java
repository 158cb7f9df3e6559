package fltkit.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds the C programs under src/c into target/c with the machine's C compiler ($CC, else gcc), once
 * per JVM. The compiler runs from an argument list, without a shell. Surefire runs the test classes in two
 * JVMs at once, so each JVM links into a file of its own and moves it into place in one step: a program
 * another JVM is running is never half written over.
 */
public final class CPrograms {
    private static final Path OUT = Path.of("target", "c");
    private static final Map<String, Path> BUILT = new ConcurrentHashMap<>();

    private CPrograms() {
    }

    /** The C model of the filter manager (src/c/fltmodel). */
    public static Path fltmodel() {
        return build("fltmodel", "src/c/fltmodel/json.c", "src/c/fltmodel/fltmgr.c", "src/c/fltmodel/objects.c",
                "src/c/fltmodel/main.c");
    }

    /** The deliberately incomplete stub (src/c/stub). */
    public static Path stub() {
        return build("fltstub", "src/c/stub/stub.c", "src/c/fltmodel/json.c");
    }

    /** The command list for the C model with extra arguments, as fltkit.process.command wants it (JSON). */
    public static String commandJson(Path program, String... arguments) {
        StringBuilder json = new StringBuilder("[\"").append(program.toAbsolutePath()).append('"');
        for (String argument : arguments) {
            json.append(",\"").append(argument).append('"');
        }
        return json.append(']').toString();
    }

    private static Path build(String name, String... sources) {
        return BUILT.computeIfAbsent(name, n -> compile(n, sources));
    }

    private static Path compile(String name, String... sources) {
        try {
            Files.createDirectories(OUT);
            Path program = OUT.resolve(name).toAbsolutePath();
            Path linked = OUT.resolve(name + "-" + ProcessHandle.current().pid() + ".tmp").toAbsolutePath();
            String compiler = System.getenv().getOrDefault("CC", "gcc");
            List<String> command = new ArrayList<>(List.of(compiler, "-std=c11", "-D_GNU_SOURCE", "-O2", "-Wall",
                    "-Wextra", "-Werror", "-o", linked.toString()));
            command.addAll(List.of(sources));
            Process process;
            try {
                process = new ProcessBuilder(command).redirectErrorStream(true).start();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run the C compiler '" + compiler + "' (" + e.getMessage()
                        + "): install gcc (.ci/run does) or point $CC at a C11 compiler", e);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                Files.deleteIfExists(linked);
                throw new IllegalStateException("compiling " + name + " failed: " + command + "\n" + output);
            }
            Files.move(linked, program, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return program;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + name, e);
        }
    }
}
