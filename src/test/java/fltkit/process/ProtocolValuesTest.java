package fltkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.selftest.KitRun;
import fltkit.selftest.ScenarioOutcome;
import fltkit.settings.KitSettings;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kit keeps to the protocol it demands: every request it sends and every answer the C model gives in
 * a whole run fit the shipped schema, and unsigned 64-bit handles travel as the integers they are.
 */
class ProtocolValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<ProcessProvider> started = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        started.forEach(ProcessProvider::shutdown);
    }

    @Test
    void everyRequestAndAnswerOfAWholeRunFitsTheSchema(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("run.trace");
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        // A time limit of its own: providers are shared per command and time limit, and this one must trace from its start.
        KitSettings.with(Map.of(ProcessProvider.COMMAND, CPrograms.commandJson(CPrograms.fltmodel()),
                ProcessProvider.TIMEOUT_MS, "9876", ProcessProvider.TRACE, trace.toString()),
                () -> outcomes.addAll(KitRun.run("process", WindowsVersion.WIN11)));
        assertThat(outcomes).isNotEmpty().noneMatch(ScenarioOutcome::wentWrong);

        ProtocolSchema schema = ProtocolSchema.get();
        Map<String, String> opById = new HashMap<>();   // "pid id" -> op
        List<String> problems = new ArrayList<>();
        int requests = 0;
        for (String line : Files.readAllLines(trace)) {
            String[] parts = line.split(" ", 3);   // pid, direction, message
            JsonNode message = JSON.readTree(parts[2]);
            String key = parts[0] + " " + message.path("id").asText();
            if (parts[1].equals(">")) {
                requests++;
                opById.put(key, message.path("op").asText());
                schema.requestProblems(message).forEach(p -> problems.add("request " + line + ": " + p));
            } else {
                schema.problems(opById.get(key), message).forEach(p -> problems.add("answer " + line + ": " + p));
            }
        }
        assertThat(requests).as("requests in the trace").isGreaterThan(1000);
        assertThat(problems).as("messages of a whole win11 run that the schema refuses").isEmpty();
    }

    @Test
    void handlesOfTwoToTheSixtyThreeAndAboveTravelAsUnsignedIntegers(@TempDir Path dir) throws IOException {
        // Answers allocateContext with the largest handle there is, and keeps every request it reads in a file.
        String script = "while IFS= read -r line; do id=${line#'{\"id\":'}; id=${id%%,*}; echo \"$line\" >> '" + dir.resolve("requests")
                + "'; case \"$line\" in"
                + " *'\"op\":\"hello\"'*) echo \"{\\\"id\\\":$id,\\\"result\\\":{\\\"protocol\\\":1,\\\"implementation\\\":{\\\"name\\\":\\\"n\\\","
                + "\\\"version\\\":\\\"0\\\",\\\"vendor\\\":\\\"tests\\\",\\\"language\\\":\\\"sh\\\"},\\\"profiles\\\":[\\\"win11\\\"],\\\"capabilities\\\":[]}}\" ;;"
                + " *'\"op\":\"allocateContext\"'*) echo \"{\\\"id\\\":$id,\\\"result\\\":{\\\"status\\\":3221225473,\\\"returnedContext\\\":18446744073709551615}}\" ;;"
                + " *) echo \"{\\\"id\\\":$id,\\\"result\\\":{}}\" ;; esac; done";
        ProcessProvider provider = new ProcessProvider(List.of("/bin/sh", "-c", script), Duration.ofSeconds(2));
        started.add(provider);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        var allocation = scenario.allocateContext(0x8000_0000_0000_0000L, 4, 64, PoolType.PAGED_POOL);
        assertThat(allocation.returnedContext()).as("2^64-1 read into the SPI's long").isEqualTo(-1L);
        assertThat(allocation.status()).as("an NTSTATUS given as an integer").isEqualTo(NtStatus.of(0xC0000001));
        scenario.releaseContext(allocation.returnedContext());
        scenario.close();

        List<String> sent = Files.readAllLines(dir.resolve("requests"));
        assertThat(sent).anyMatch(l -> l.contains("\"op\":\"allocateContext\"") && l.contains("\"filter\":9223372036854775808"))
                .anyMatch(l -> l.contains("\"op\":\"releaseContext\"") && l.contains("\"context\":18446744073709551615"))
                .noneMatch(l -> l.matches(".*\"(filter|context)\":-.*"));
    }

    @Test
    void theCModelReadsUnsignedHandlesAndAnswersAsForAnyUnknownHandle() {
        ProcessProvider provider = new ProcessProvider(List.of(CPrograms.fltmodel().toString()), Duration.ofSeconds(2));
        started.add(provider);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        assertThatThrownBy(() -> scenario.releaseContext(-1L))
                .as("a handle of 2^64-1 reaches the C model whole, which never handed it out")
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a context this filter manager allocated");
        scenario.close();
    }
}
