package fltkit.cli;

import fltkit.process.ProcessProvider;
import fltkit.settings.KitSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line refuses, with a non-zero exit and a message naming the command, a process implementation that cannot start. */
class ProcessCommandCliTest {

    @Test
    void aProcessCommandThatDoesNotExistExitsNonZeroNamingIt(@TempDir Path reports) {
        AtomicInteger exit = new AtomicInteger(-1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            KitSettings.with(Map.of(ProcessProvider.COMMAND, "[\"/no/such/fltmodel\"]"), () -> exit.set(Main.run(new String[] {
                    "--implementation", "process", "--profile", "win11", "--reports", reports.toString()})));
        } finally {
            System.setErr(previous);
        }
        assertThat(exit.get()).as("exit code").isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("/no/such/fltmodel").contains(ProcessProvider.COMMAND);
    }
}
