package fltkit.process;

import fltkit.TestJvm;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Implementations that lie, flood, fork and vanish. Everything a process says is data: an answer out of
 * the protocol's ranges or vocabulary breaks the scenario that asked for it, with a message naming the
 * request, the member and the bad value; no answer may make the kit hold unbounded memory; and every
 * process the kit started, with whatever it started in turn, is gone when the kit is done with it.
 * The hostile implementation is one small /bin/sh script (tests only: the adapter never starts a shell)
 * that behaves until it is asked the request named by its first argument.
 */
class HostileProcessTest {
    private static final Duration SHORT = Duration.ofMillis(2000);
    private static final String MAX_LINE_BYTES = ProcessProvider.MAX_LINE_BYTES;
    /**
     * $1: the op to misbehave on; $2: an answer (a template: @ID@ becomes the request's id) or one of the
     * keywords below; $3: "daemon" or "double-fork-daemon" to start a background process at once.
     * Every pid it starts goes into the pids file beside it, for the leak check.
     */
    private static final String SCRIPT = """
            #!/bin/sh
            dir=$(dirname "$0")
            echo $$ >> "$dir/pids"
            case "$3" in
              daemon) sleep 60 & echo $! >> "$dir/pids" ;;
              double-fork-daemon) ( sleep 60 </dev/null >/dev/null 2>&1 & echo $! >> "$dir/pids" ) ;;
              setsid-daemon) setsid sleep 60 </dev/null >/dev/null 2>&1 & echo $! >> "$dir/pids" ;;
              banner) echo 'hostile 0.1 starting up' ;;
            esac
            while IFS= read -r line; do
              id=${line#'{"id":'}
              id=${id%%,*}
              case "$line" in
                *"\\"op\\":\\"$1\\""*)
                  echo "hostile on purpose" >&2
                  case "$2" in
                    exit-leaving-grandchild) sleep 30 & echo $! >> "$dir/pids"; exit 3 ;;
                    close-stdout) exec 1>&-; sleep 30 & echo $! >> "$dir/pids"; wait ;;
                    enormous-line) printf '{"id":%s,"result":{"status":"' "$id"; head -c 209715200 /dev/zero | tr '\\0' a; sleep 30 ;;
                    not-utf8) printf '{"id":%s,"result":{"status":"0x00000000","returnedContext":8192},"x":"\\377"}\\n' "$id" ;;
                    stderr-flood) head -c 104857600 /dev/zero | tr '\\0' e >&2; echo "{\\"id\\":$id,\\"error\\":{\\"kind\\":\\"internal\\",\\"message\\":\\"after the flood\\"}}" ;;
                    flood-after-answer) printf '%s\\n' "$2" | sed "s/.*/{\\"id\\":$id,\\"result\\":{}}/"; yes '{"id":1,"result":{}}' ;;
                    *) printf '%s\\n' "$2" | sed "s/@ID@/$id/g" ;;
                  esac ;;
                *'"op":"hello"'*) echo "{\\"id\\":$id,\\"result\\":{\\"protocol\\":1,\\"implementation\\":{\\"name\\":\\"hostile\\",\\"version\\":\\"0\\",\\"vendor\\":\\"tests\\",\\"language\\":\\"sh\\"},\\"profiles\\":[\\"win11\\"],\\"capabilities\\":[\\"context-inspection\\",\\"context-memory\\",\\"callback-events\\"]}}" ;;
                *'"op":"registerFilter"'*) echo "{\\"id\\":$id,\\"result\\":{\\"status\\":\\"0x00000000\\",\\"filter\\":4096}}" ;;
                *'"op":"allocateContext"'*) echo "{\\"id\\":$id,\\"result\\":{\\"status\\":\\"0x00000000\\",\\"returnedContext\\":8192}}" ;;
                *) echo "{\\"id\\":$id,\\"result\\":{}}" ;;
              esac
            done
            """;

    @TempDir
    Path dir;
    private Path script;
    private final List<ProcessProvider> started = new ArrayList<>();

    @BeforeEach
    void writeScript() throws IOException {
        script = dir.resolve("hostile.sh");
        Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopChildren() {
        started.forEach(ProcessProvider::shutdown);
    }

    private ProcessProvider hostile(Duration timeout, String op, String behaviour, String... extra) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", script.toString(), op, behaviour));
        command.addAll(List.of(extra));
        ProcessProvider provider = new ProcessProvider(command, timeout);
        started.add(provider);
        return provider;
    }

    /** Every process the script started (itself, its children, its daemons) has ended. */
    private void assertNoProcessLeft() throws IOException {
        List<Long> pids = Files.readAllLines(dir.resolve("pids")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(Long::parseLong).toList();
        assertThat(pids).as("pids the hostile script recorded").isNotEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (pids.stream().anyMatch(HostileProcessTest::running) && System.nanoTime() < deadline) {
            sleep(20);
        }
        assertThat(pids).as("processes the kit started, or that they started, still running after the kit was done")
                .noneMatch(HostileProcessTest::running);
    }

    /** Running: present and not a zombie waiting to be reaped (ProcessHandle counts zombies as alive). */
    static boolean running(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
            } catch (IOException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    static Stream<Arguments> answersOutOfProtocol() {
        ThrowingConsumer<FilterManager> allocate = fm -> fm.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
        ThrowingConsumer<FilterManager> inspect = fm -> ((ContextInspection) fm).inspectContext(8192);
        ThrowingConsumer<FilterManager> events = fm -> ((CallbackEvents) fm).takeCallbackEvents();
        ThrowingConsumer<FilterManager> release = fm -> fm.releaseContext(8192);
        ThrowingConsumer<FilterManager> read = fm -> ((ContextMemory) fm).readContext(8192, 0, 1);
        String inspected = "\"alive\":true,\"referenceCount\":1,\"contextType\":4,\"size\":64,\"poolType\":1,\"attached\":false,\"cleanupCalls\":0";
        String event = "\"poolType\":1,\"size\":96,\"contextType\":4,\"address\":8192";
        return Stream.of(
                Arguments.of("NTSTATUS above 32 bits", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":4294967296,\"returnedContext\":0}}", List.of("status", "4294967296")),
                Arguments.of("negative NTSTATUS", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":-1,\"returnedContext\":0}}", List.of("status", "-1")),
                Arguments.of("NTSTATUS string of nine hex digits", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x100000000\",\"returnedContext\":0}}", List.of("status", "0x100000000")),
                Arguments.of("handle beyond 2^64-1", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":18446744073709551616}}",
                        List.of("returnedContext", "18446744073709551616")),
                Arguments.of("negative handle", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":-4096}}", List.of("returnedContext", "-4096")),
                Arguments.of("handle that is a string", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":\"0x1000\"}}", List.of("returnedContext", "0x1000")),
                Arguments.of("missing member", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\"}}", List.of("returnedContext")),
                Arguments.of("unknown origin", "inspectContext", inspect,
                        "{\"id\":@ID@,\"result\":{" + inspected + ",\"origin\":\"SOMEWHERE\"}}", List.of("origin", "SOMEWHERE")),
                Arguments.of("reference count beyond 32 bits", "inspectContext", inspect,
                        "{\"id\":@ID@,\"result\":{" + inspected.replace("\"referenceCount\":1", "\"referenceCount\":2147483648")
                                + ",\"origin\":\"POOL\"}}", List.of("referenceCount", "2147483648")),
                Arguments.of("unknown irql", "takeCallbackEvents", events,
                        "{\"id\":@ID@,\"result\":{\"events\":[{\"kind\":\"ALLOCATE\"," + event + ",\"irql\":\"HIGH_LEVEL\"}]}}",
                        List.of("irql", "HIGH_LEVEL")),
                Arguments.of("unknown event kind", "takeCallbackEvents", events,
                        "{\"id\":@ID@,\"result\":{\"events\":[{\"kind\":\"REFERENCE\"," + event + ",\"irql\":\"PASSIVE_LEVEL\"}]}}",
                        List.of("kind", "REFERENCE")),
                Arguments.of("bytes that are not hex", "readContext", read,
                        "{\"id\":@ID@,\"result\":{\"data\":\"zz\"}}", List.of("data", "zz")),
                Arguments.of("bug check code above 32 bits", "releaseContext", release,
                        "{\"id\":@ID@,\"bugCheck\":{\"code\":\"0x1000000F5\",\"parameter1\":\"0x6D\",\"description\":\"x\"}}",
                        List.of("code", "0x1000000F5")),
                Arguments.of("bug check without its description", "releaseContext", release,
                        "{\"id\":@ID@,\"bugCheck\":{\"code\":\"0xF5\",\"parameter1\":\"0x6D\"}}", List.of("description")),
                Arguments.of("both a result and a bug check", "releaseContext", release,
                        "{\"id\":@ID@,\"result\":{},\"bugCheck\":{\"code\":\"0xF5\",\"parameter1\":\"0x6D\",\"description\":\"x\"}}",
                        List.of("bugCheck")),
                Arguments.of("a member the protocol does not have", "releaseContext", release,
                        "{\"id\":@ID@,\"result\":{\"referenceCount\":0}}", List.of("referenceCount")),
                Arguments.of("a member given twice", "allocateContext", allocate,
                        "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":8192,\"returnedContext\":0}}",
                        List.of("Duplicate", "returnedContext")),
                Arguments.of("a second object on the answer's line", "releaseContext", release,
                        "{\"id\":@ID@,\"result\":{}} {\"id\":@ID@,\"result\":{}}", List.of("not JSON", "Trailing")),
                Arguments.of("a line that is not UTF-8", "allocateContext", allocate, "not-utf8", List.of("UTF-8")),
                Arguments.of("an id with a fraction", "releaseContext", release,
                        "{\"id\":@ID@.5,\"result\":{}}", List.of("id", ".5")),
                Arguments.of("the wrong id", "releaseContext", release,
                        "{\"id\":999,\"result\":{}}", List.of("id", "999")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answersOutOfProtocol")
    void anAnswerOutOfProtocolBreaksTheScenarioNamingTheRequestTheMemberAndTheValue(String what, String op,
            ThrowingConsumer<FilterManager> request, String answer, List<String> named) throws IOException {
        ProcessProvider provider = hostile(SHORT, op, answer);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);

        assertThatThrownBy(() -> request.accept(scenario))
                .as("%s answered to %s", what, op)
                .isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("'" + op + "'")
                .satisfies(e -> assertThat(e.getMessage()).contains(named));
        scenario.close();
        FilterManager next = provider.create(WindowsVersion.WIN11);
        assertThat(next.registerFilter(null, true).status()).as("a fresh process serves the next scenario").isEqualTo(NtStatus.STATUS_SUCCESS);
        next.close();
        assertThat(provider.restarts()).isEqualTo(1);
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void aSecondAnswerIsChargedToTheRequestItAnsweredNotToTheNextOne() throws IOException {
        String twice = "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":8192}}\n"
                + "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":8192}}";
        ProcessProvider provider = hostile(SHORT, "allocateContext", twice);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        long filter = scenario.registerFilter(List.of(ContextRegistration.fixed(ContextType.FILE, 64)), true).filter();
        // Caught with the answer when both lines came in one read, else before the next request is sent.
        assertThatThrownBy(() -> {
            scenario.allocateContext(filter, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
            scenario.referenceContext(8192);
            scenario.close();
        })
                .as("the duplicate is out of protocol, whenever the kit reads it")
                .isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("request 4 'allocateContext'")
                .hasMessageContaining("\"returnedContext\":8192")
                .hasMessageContaining("(request 'allocateContext')");
        scenario.close();
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void aLineAfterTheLastAnswerOfAScenarioDoesNotBreakTheNextScenario() throws IOException {
        ProcessProvider provider = hostile(SHORT, "close", "{\"id\":@ID@,\"result\":{}}\n{\"id\":@ID@,\"result\":{}}");
        FilterManager first = provider.create(WindowsVersion.WIN11);
        first.registerFilter(null, true);
        try {
            first.close();
        } catch (ProcessImplementationException e) {
            assertThat(e.getMessage()).as("caught in the scenario that caused it").contains("'close'");
        }
        FilterManager next = provider.create(WindowsVersion.WIN11);
        assertThat(next.registerFilter(null, true).status()).isEqualTo(NtStatus.STATUS_SUCCESS);
        assertThat(provider.restarts()).as("the process that wrote the stray line was replaced").isEqualTo(1);
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void anEnormousLineIsCutOffAtTheLimitAndTheKitsMemoryStaysBounded() throws Exception {
        ProcessProvider provider = hostile(Duration.ofSeconds(10), "allocateContext", "enormous-line");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        HeapWatch heap = HeapWatch.start();
        long start = System.nanoTime();
        Throwable thrown;
        try {
            scenario.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
            thrown = null;
        } catch (RuntimeException e) {
            thrown = e;
        }
        long growth = heap.stop();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("enormous line: heap grew by at most %d MiB while the kit read it; refused after %d ms%n",
                growth >> 20, millis);
        assertThat(thrown).isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("'allocateContext'")
                .hasMessageContaining("1048576")
                .hasMessageContaining(MAX_LINE_BYTES);
        assertThat(growth).as("heap growth while a 200 MB line arrives, bytes").isLessThan(64L << 20);
        scenario.close();
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void theLineLimitIsASetting() throws IOException {
        KitSettings.with(Map.of(MAX_LINE_BYTES, "512"), () -> {
            ProcessProvider provider = hostile(SHORT, "allocateContext",
                    "{\"id\":@ID@,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":8192},\"padding\":\"" + "x".repeat(600) + "\"}");
            FilterManager scenario = provider.create(WindowsVersion.WIN11);
            assertThatThrownBy(() -> scenario.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                    .isInstanceOf(ProcessImplementationException.class)
                    .hasMessageContaining("longer than 512 bytes")
                    .hasMessageContaining(MAX_LINE_BYTES);
            scenario.close();
        });
        assertThatThrownBy(() -> KitSettings.with(Map.of(MAX_LINE_BYTES, "lots"), () -> hostile(SHORT, "none", "")))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining(MAX_LINE_BYTES)
                .hasMessageContaining("lots");
    }

    @Test
    void aFloodOfLinesAfterAnAnswerIsStoppedAndChargedToThatAnswer() throws Exception {
        ProcessProvider provider = hostile(SHORT, "referenceContext", "flood-after-answer");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        HeapWatch heap = HeapWatch.start();
        Throwable thrown = null;
        try {
            scenario.referenceContext(8192);
            Thread.sleep(500);   // the step between two calls: the process floods meanwhile
            scenario.releaseContext(8192);
        } catch (RuntimeException e) {
            thrown = e;
        }
        long growth = heap.stop();
        System.out.printf("flood of lines: heap grew by at most %d MiB%n", growth >> 20);
        assertThat(thrown).isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("'referenceContext'")
                .hasMessageNotContaining("(request 'releaseContext')");
        assertThat(growth).as("heap growth while the process floods, bytes").isLessThan(64L << 20);
        scenario.close();
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void aProcessThatExitsWhileItsChildHoldsItsOutputIsNoticedAtOnceAndTheChildEnds() throws IOException {
        Duration limit = Duration.ofSeconds(6);
        ProcessProvider provider = hostile(limit, "allocateContext", "exit-leaving-grandchild");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        long start = System.nanoTime();
        assertThatThrownBy(() -> scenario.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                .isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("'allocateContext'")
                .hasMessageContaining("exit code 3");
        Duration noticed = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("exit while a grandchild holds stdout: noticed after %d ms (time limit %d ms)%n",
                noticed.toMillis(), limit.toMillis());
        assertThat(noticed).as("time to notice the exit").isLessThan(Duration.ofMillis(1500));
        scenario.close();
        assertNoProcessLeft();   // before shutdown(): the kill that broke the scenario ended the grandchild too
    }

    @Test
    void aProcessThatClosesItsOutputInsteadOfAnsweringBreaksTheCallAndIsEnded() throws IOException {
        ProcessProvider provider = hostile(Duration.ofSeconds(6), "allocateContext", "close-stdout");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        long start = System.nanoTime();
        assertThatThrownBy(() -> scenario.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL))
                .isInstanceOf(ProcessImplementationException.class)
                .hasMessageContaining("closed its output without answering")
                .hasMessageContaining("(request 'allocateContext')");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to notice").isLessThan(Duration.ofMillis(1500));
        scenario.close();
        assertNoProcessLeft();
    }

    @ParameterizedTest
    @ValueSource(strings = {"daemon", "double-fork-daemon", "setsid-daemon"})
    void aDaemonTheProcessStartedEndsWithTheKit(String kind) throws IOException {
        ProcessProvider provider = hostile(SHORT, "none", "", kind);
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        assertThat(scenario.registerFilter(null, true).status()).isEqualTo(NtStatus.STATUS_SUCCESS);
        scenario.close();
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void aDaemonEndsWhenTheJvmExitsWithoutShutdown() throws Exception {
        List<String> command = new ArrayList<>(TestJvm.java(System.getProperty("java.class.path")));
        command.addAll(List.of(ExitWithoutShutdown.class.getName(), script.toString()));
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(jvm.exitValue()).as("the child JVM: %s", output).isZero();
        assertThat(Files.readAllLines(dir.resolve("pids"))).as("the script and its double-forked daemon").hasSize(2);
        assertNoProcessLeft();
    }

    /** Starts the hostile script with a double-forked daemon, runs one scenario and exits without shutdown(). */
    public static final class ExitWithoutShutdown {
        public static void main(String[] args) {
            ProcessProvider provider = new ProcessProvider(List.of("/bin/sh", args[0], "none", "", "double-fork-daemon"), SHORT);
            FilterManager scenario = provider.create(WindowsVersion.WIN11);
            scenario.registerFilter(null, true);
            scenario.close();
            System.exit(0);
        }
    }

    @Test
    void aFloodOnStderrKeepsOnlyItsTail() throws Exception {
        ProcessProvider provider = hostile(Duration.ofSeconds(10), "allocateContext", "stderr-flood");
        FilterManager scenario = provider.create(WindowsVersion.WIN11);
        HeapWatch heap = HeapWatch.start();
        Throwable thrown = null;
        try {
            scenario.allocateContext(4096, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
        } catch (RuntimeException e) {
            thrown = e;
        }
        long growth = heap.stop();
        System.out.printf("100 MB on stderr: heap grew by at most %d MiB%n", growth >> 20);
        assertThat(thrown).isInstanceOf(ProcessImplementationException.class).hasMessageContaining("after the flood")
                .hasMessageContaining("eeee");
        assertThat(thrown.getMessage().length()).as("message length with the stderr tail")
                .isLessThan(ChildProcess.STDERR_TAIL_BYTES + 1000);
        assertThat(growth).as("heap growth while the process floods stderr, bytes").isLessThan(64L << 20);
        scenario.close();
        provider.shutdown();
        assertNoProcessLeft();
    }

    @Test
    void aLineBeforeTheHandshakeIsAConfigurationError() throws IOException {
        assertThatThrownBy(() -> hostile(SHORT, "none", "", "banner"))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("handshake")
                .hasMessageContaining("hostile 0.1 starting up");
        assertNoProcessLeft();
    }

    @Test
    void aHandshakeOutOfProtocolIsAConfigurationErrorNamingTheMember() {
        String hello = "{\"id\":@ID@,\"result\":{\"protocol\":1,\"implementation\":{\"name\":\"hostile\",\"version\":\"0\","
                + "\"vendor\":\"tests\",\"language\":\"sh\"},\"profiles\":[\"win11\"],\"capabilities\":[],\"surprise\":true}}";
        assertThatThrownBy(() -> hostile(SHORT, "hello", hello))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("handshake")
                .hasMessageContaining("surprise");
        assertThatThrownBy(() -> hostile(SHORT, "hello", hello.replace("\"protocol\":1", "\"protocol\":\"1\"")))
                .isInstanceOf(KitConfigurationException.class)
                .hasMessageContaining("handshake")
                .hasMessageContaining("protocol");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The largest heap in use above the starting point, sampled every few milliseconds. */
    static final class HeapWatch {
        private final Thread sampler;
        private final long baseline;
        private volatile long peak;
        private volatile boolean running = true;

        private HeapWatch() {
            System.gc();
            baseline = used();
            sampler = new Thread(() -> {
                while (running) {
                    peak = Math.max(peak, used());
                    HostileProcessTest.sleep(2);
                }
            }, "heap watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        long stop() throws InterruptedException {
            running = false;
            sampler.join();
            return Math.max(0, Math.max(peak, used()) - baseline);
        }

        private static long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }
    }
}
