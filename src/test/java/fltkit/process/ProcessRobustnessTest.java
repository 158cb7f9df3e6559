package fltkit.process;

import fltkit.rules.Outcome;
import fltkit.settings.Implementations;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.selftest.KitRun;
import fltkit.selftest.ScenarioOutcome;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.ContextMemory;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A process implementation that hangs, exits, writes garbage or answers out of protocol breaks the
 * scenario it is in (never fails a rule), is replaced by a fresh process, and the run goes on. The
 * misbehaving children are small shell scripts (tests only: the adapter never starts a shell).
 */
class ProcessRobustnessTest {
    private static final Duration SHORT = Duration.ofMillis(1500);
    /** Answers hello, reset, close and registerFilter; does what $1 says on allocateContext. */
    private static final String SCRIPT = String.join("\n",
            "while IFS= read -r line; do",
            "  id=$(printf '%s' \"$line\" | sed 's/^{\"id\":\\([0-9]*\\).*/\\1/')",
            "  case \"$line\" in",
            "    *'\"op\":\"hello\"'*) echo \"{\\\"id\\\":$id,\\\"result\\\":{\\\"protocol\\\":1,\\\"implementation\\\":"
                    + "{\\\"name\\\":\\\"misbehaving\\\",\\\"version\\\":\\\"0\\\",\\\"vendor\\\":\\\"tests\\\",\\\"language\\\":\\\"sh\\\"},"
                    + "\\\"profiles\\\":[\\\"win11\\\"],\\\"capabilities\\\":[]}}\" ;;",
            "    *'\"op\":\"registerFilter\"'*) echo \"{\\\"id\\\":$id,\\\"result\\\":{\\\"status\\\":\\\"0x00000000\\\",\\\"filter\\\":1}}\" ;;",
            "    *'\"op\":\"allocateContext\"'*)",
            "      echo 'misbehaving on purpose' >&2",
            "      case \"$1\" in",
            "        hang) sleep 60 ;;",
            "        exit) exit 3 ;;",
            "        garbage) echo 'this is not json' ;;",
            "        unknown) echo \"{\\\"id\\\":$id,\\\"surprise\\\":{}}\" ;;",
            "        wrong-id) echo \"{\\\"id\\\":999,\\\"result\\\":{}}\" ;;",
            "        error) echo \"{\\\"id\\\":$id,\\\"error\\\":{\\\"kind\\\":\\\"internal\\\",\\\"message\\\":\\\"no pool model yet\\\"}}\" ;;",
            "      esac ;;",
            "    *) echo \"{\\\"id\\\":$id,\\\"result\\\":{}}\" ;;",
            "  esac",
            "done");

    private final List<ProcessProvider> started = new ArrayList<>();

    @AfterEach
    void stopChildren() {
        started.forEach(ProcessProvider::shutdown);
    }

    private ProcessProvider misbehaving(String mode) {
        ProcessProvider provider = new ProcessProvider(List.of("/bin/sh", "-c", SCRIPT, "misbehaving", mode), SHORT);
        started.add(provider);
        return provider;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hang", "exit", "garbage", "unknown", "wrong-id"})
    void aMisbehavingProcessBreaksTheCallIsRestartedAndServesTheNextScenario(String mode) {
        ProcessProvider provider = misbehaving(mode);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        Registration registration = scenario.registerFilter(List.of(ContextRegistration.fixed(ContextType.FILE, 64)), true);

        assertThatThrownBy(() -> scenario.allocateContext(registration.filter(), ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                .as("allocateContext against a process that misbehaves (%s)", mode)
                .isInstanceOf(ProcessImplementationException.class)
                .isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("misbehaving")
                .hasMessageContaining("allocateContext")
                .hasMessageContaining("misbehaving on purpose")   // its stderr tail
                .hasMessageContaining("restarted");
        assertThatThrownBy(() -> scenario.registerFilter(null, true))
                .as("the rest of the broken scenario")
                .isInstanceOf(ProcessImplementationException.class);
        scenario.close();   // quiet: the scenario is already broken

        FilterManager next = provider.create(WindowsVersion.WIN11);
        assertThat(provider.restarts()).as("processes started to replace a broken one").isEqualTo(1);
        assertThat(next.registerFilter(null, true).status()).isEqualTo(NtStatus.STATUS_SUCCESS);
        next.close();
    }

    @Test
    void aHealthyProcessServesOneScenarioAfterAnotherAndParallelScenariosGetTheirOwn() {
        ProcessProvider provider = new ProcessProvider(List.of(CPrograms.fltmodel().toString()), SHORT);
        started.add(provider);
        FilterManager first = provider.create(WindowsVersion.WIN11);
        long filter = first.registerFilter(List.of(ContextRegistration.fixed(ContextType.FILE, 64)), true).filter();
        FilterManager parallel = provider.create(WindowsVersion.WIN11);
        assertThat(parallel.registerFilter(null, true).status()).isEqualTo(NtStatus.STATUS_SUCCESS);
        assertThat(first.allocateContext(filter, ContextType.FILE.value(), 64, PoolType.PAGED_POOL).status())
                .as("the first scenario's filter manager was not reset by the scenario started beside it")
                .isEqualTo(NtStatus.STATUS_SUCCESS);
        parallel.close();
        first.close();
        FilterManager next = provider.create(WindowsVersion.WIN11);
        assertThat(next.allocateContext(filter, ContextType.FILE.value(), 64, PoolType.PAGED_POOL).status())
                .as("the next scenario starts from a reset filter manager: the old filter is gone")
                .isEqualTo(NtStatus.STATUS_INVALID_PARAMETER);
        next.close();
        assertThat(provider.restarts()).isZero();
    }

    @Test
    void aProcessThatStopsReadingCannotBlockALargeRequest() {
        // answers hello and reset, then sleeps without reading: 2 MiB of hex cannot fit in the pipe
        String sleeper = "read line; echo '{\"id\":1,\"result\":{\"protocol\":1,\"implementation\":{\"name\":\"sleeper\","
                + "\"version\":\"0\",\"vendor\":\"tests\",\"language\":\"sh\"},\"profiles\":[\"win11\"],"
                + "\"capabilities\":[\"context-memory\"]}}'; read line; echo '{\"id\":2,\"result\":{}}'; sleep 60";
        ProcessProvider stuck = new ProcessProvider(List.of("/bin/sh", "-c", sleeper), SHORT);
        started.add(stuck);
        FilterManager scenario = stuck.create(WindowsVersion.WIN11);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ((ContextMemory) scenario).writeContext(0x1000, 0, new byte[1 << 20]))
                .isInstanceOf(ProcessImplementationException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void theTraceSettingRecordsEveryRequestAndAnswer(@TempDir Path dir) throws IOException {
        Path trace = dir.resolve("protocol.trace");
        KitSettings.with(Map.of(ProcessProvider.TRACE, trace.toString()), () -> {
            ProcessProvider provider = new ProcessProvider(List.of(CPrograms.fltmodel().toString()), SHORT);
            started.add(provider);
            FilterManager scenario = provider.create(WindowsVersion.WIN11);
            scenario.registerFilter(null, true);
            scenario.close();
        });
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(8);   // hello, reset, registerFilter, close: each a request and an answer
        assertThat(lines.get(4)).contains("> {\"id\":3,\"op\":\"registerFilter\"");
        assertThat(lines.get(5)).contains("< {\"id\":3,\"result\":{\"status\":\"0x00000000\"");
    }

    @Test
    void anErrorAnswerBreaksTheCallButKeepsTheProcess() {
        ProcessProvider provider = misbehaving("error");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        assertThatThrownBy(() -> scenario.allocateContext(1, ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                .isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("no pool model yet");
        assertThat(scenario.registerFilter(null, true).status()).as("the same process answers the next call")
                .isEqualTo(NtStatus.STATUS_SUCCESS);
        scenario.close();
        provider.create(WindowsVersion.WIN11).close();
        assertThat(provider.restarts()).isZero();
    }

    @Test
    void theHangTimeLimitIsTheConfiguredOne() {
        ProcessProvider provider = misbehaving("hang");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        long start = System.nanoTime();
        assertThatThrownBy(() -> scenario.allocateContext(1, ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                .hasMessageContaining("did not answer within 1500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aCommandThatDoesNotExistIsAConfigurationErrorNamingItAndTheSetting() {
        KitSettings.with(Map.of(ProcessProvider.COMMAND, "[\"/no/such/fltmodel\",\"--flag\"]"), () ->
                assertThatThrownBy(() -> Implementations.byName("process"))
                        .isInstanceOf(KitConfigurationException.class)
                        .hasMessageContaining("/no/such/fltmodel")
                        .hasMessageContaining(ProcessProvider.COMMAND));
    }

    @Test
    void aMissingOrMalformedCommandSettingSaysHowToWriteIt() {
        assertThatThrownBy(() -> KitSettings.with(Map.of(ProcessProvider.COMMAND, "target/c/fltmodel"),
                () -> Implementations.byName("process")))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("JSON array");
    }

    @Test
    void aProcessThatExitsBeforeTheHandshakeIsAConfigurationError() {
        assertThatThrownBy(() -> new ProcessProvider(List.of("/bin/sh", "-c", "echo 'cannot start: no licence' >&2; exit 4"), SHORT))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("did not complete the handshake")
                .hasMessageContaining("cannot start: no licence");
    }

    @Test
    void aHandshakeWithAnotherProtocolVersionIsRefused() {
        String script = "read line; echo '{\"id\":1,\"result\":{\"protocol\":2}}'; sleep 5";
        assertThatThrownBy(() -> new ProcessProvider(List.of("/bin/sh", "-c", script), SHORT))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("protocol version 2");
    }

    /**
     * Through the kit: the C model hangs on allocations of 65535 bytes; those scenarios break, the rest still pass.
     * One feature that allocates 65535 bytes once, among others (every hang waits out the time limit).
     */
    @Test
    void aHangInOneScenarioBreaksThatScenarioAndTheRunGoesOn() {
        List<ScenarioOutcome> outcomes = new ArrayList<>();
        KitSettings.with(Map.of(ProcessProvider.COMMAND, CPrograms.commandJson(CPrograms.fltmodel(), "--sabotage=hang:65535"),
                ProcessProvider.TIMEOUT_MS, "700"), () -> outcomes.addAll(KitRun.runFeatures("process", WindowsVersion.WIN11,
                "ContextZeroing.feature")));

        List<ScenarioOutcome> broken = outcomes.stream().filter(o -> o.outcome() == Outcome.BROKEN).toList();
        assertThat(broken).as("broken scenarios: exactly those that allocate 65535 bytes").isNotEmpty()
                .allSatisfy(o -> assertThat(o.message()).contains(", 65535, ").contains("did not answer within 700 ms")
                        .contains("sabotage 'hang'"));
        int firstBroken = outcomes.indexOf(broken.get(0));
        assertThat(outcomes.subList(firstBroken + 1, outcomes.size()))
                .as("scenarios after the first broken one ran against a new process")
                .anyMatch(ScenarioOutcome::passed);
        assertThat(outcomes).noneMatch(o -> o.outcome() == Outcome.FAILED || o.outcome() == Outcome.KIT_ERROR);
    }
}
