package fltkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.reference.ReferenceProvider;
import fltkit.settings.KitSettings;
import fltkit.selftest.KitRun;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Not a test: a timed comparison for the record. FltAllocateContext + FltReleaseContext round trips
 * per second in process (reference) and through the process adapter (C model), then the whole feature
 * set's time both ways. Run after {@code mvn test-compile}:
 * {@code java -cp target/classes:target/test-classes:<dependencies> fltkit.process.ProcessBenchmark [pairs]}.
 */
public final class ProcessBenchmark {
    private ProcessBenchmark() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path model = CPrograms.fltmodel();
        ProcessProvider process = new ProcessProvider(List.of(model.toString()));
        FilterManagerProvider reference = new ReferenceProvider();

        for (int round = 0; round < 2; round++) {   // the first round warms up
            report(round, "reference, in process", pairs * 10, roundTrips(reference, pairs * 10));
            report(round, "C model, through the process adapter", pairs, roundTrips(process, pairs));
        }
        process.shutdown();
        validationAlone(pairs * 10);

        String command = CPrograms.commandJson(model);
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            int scenarios = KitRun.run("reference", WindowsVersion.WIN11).size();
            double referenceSeconds = (System.nanoTime() - start) / 1e9;
            int[] processScenarios = new int[1];
            start = System.nanoTime();
            KitSettings.with(Map.of(ProcessProvider.COMMAND, command),
                    () -> processScenarios[0] = KitRun.run("process", WindowsVersion.WIN11).size());
            double processSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s whole feature set, win11: reference %d scenarios in %.2f s; C model %d scenarios in %.2f s%n",
                    round == 0 ? "[warm-up]" : "[measured]", scenarios, referenceSeconds, processScenarios[0], processSeconds);
        }
        System.exit(0);
    }

    /** What checking the answers of one allocate+release pair against the protocol schema costs, on its own. */
    private static void validationAlone(int pairs) {
        ObjectMapper json = new ObjectMapper();
        ProtocolSchema schema = ProtocolSchema.get();
        JsonNode allocated;
        JsonNode released;
        try {
            allocated = json.readTree("{\"id\":7,\"result\":{\"status\":\"0x00000000\",\"returnedContext\":4044873728}}");
            released = json.readTree("{\"id\":8,\"result\":{}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                if (!schema.problems("allocateContext", allocated).isEmpty() || !schema.problems("releaseContext", released).isEmpty()) {
                    throw new IllegalStateException("the schema refuses the C model's answers");
                }
            }
            double nanos = System.nanoTime() - start;
            System.out.printf("%s schema validation alone: %.2f us per answer (allocateContext and releaseContext answers)%n",
                    round == 0 ? "[warm-up]" : "[measured]", nanos / 1e3 / (2.0 * pairs));
        }
    }

    /** Nanoseconds for {@code pairs} allocate+release pairs on one filter manager. */
    private static long roundTrips(FilterManagerProvider provider, int pairs) {
        try (FilterManager fm = provider.create(WindowsVersion.WIN11)) {
            long filter = fm.registerFilter(List.of(ContextRegistration.fixed(ContextType.FILE, 64)), true).filter();
            long start = System.nanoTime();
            for (int i = 0; i < pairs; i++) {
                Allocation allocation = fm.allocateContext(filter, ContextType.FILE.value(), 64, PoolType.PAGED_POOL);
                fm.releaseContext(allocation.returnedContext());
            }
            return System.nanoTime() - start;
        }
    }

    private static void report(int round, String what, int pairs, long nanos) {
        double seconds = nanos / 1e9;
        System.out.printf("%s %s: %d allocate+release pairs in %.3f s = %.0f pairs/s, %.0f calls/s, %.1f us per call%n",
                round == 0 ? "[warm-up]" : "[measured]", what, pairs, seconds, pairs / seconds, 2 * pairs / seconds,
                seconds * 1e6 / (2.0 * pairs));
    }
}
