package fltkit.hostile;

import fltkit.TestJvm;
import fltkit.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The kit's command line as a hostile test runs it: in this JVM, or in a child JVM when the run may end its JVM. */
final class KitCli {
    private KitCli() {
    }

    record Result(int exit, String out, String err) {
        /** The lines on stderr that report a problem (the PARTIAL RUN banner of a --tags run aside). */
        List<String> problems() {
            return err.lines().filter(l -> l.startsWith("fltkit:") && !l.contains("*** PARTIAL RUN ***"))
                    .collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result inProcess(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code java -cp <the tests' class path> fltkit.cli.Main args}, started through {@code wrapper} (may be empty). */
    static Result child(List<String> wrapper, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(TestJvm.java());
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("fltkit-cli", ".out");
        Path err = Files.createTempFile("fltkit-cli", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the command line finished within 3 minutes: %s", command).isTrue();
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
