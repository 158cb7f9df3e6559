package fltkit.reference;

import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.PoolType;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several threads reference, release, set, get and delete the same contexts on the same objects of one
 * reference filter manager. Each thread only touches contexts it holds a reference on, as a minifilter
 * must, and gives back every reference it gained. Whatever the interleaving, every context must end freed
 * exactly once with its cleanup callback run exactly once, and no bug check may happen on the way.
 */
class ReferenceCountingStressTest {
    private static final int THREADS = 4;
    private static final int CONTEXTS = 24;
    private static final int STEPS = 4_000;

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20260101L})
    void everyContextIsFreedAndCleanedUpExactlyOnce(long seed) throws Exception {
        ReferenceFilterManager fm = new ReferenceFilterManager(WindowsVersion.WIN11);
        long filter = fm.registerFilter(List.of(
                ContextRegistration.fixed(ContextType.STREAM, 32).withCleanupCallback(),
                ContextRegistration.fixed(ContextType.STREAMHANDLE, 32).withCleanupCallback()), true).filter();
        long volume = fm.mountVolume();
        long instance = fm.attachInstance(filter, volume);
        List<Long> fileObjects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fileObjects.add(fm.openFile(instance, i < 4 ? "\\shared.txt" : "\\other.txt", null));
        }
        List<Map<Long, Integer>> held = new ArrayList<>();
        Map<Long, ContextType> types = new HashMap<>();
        for (int t = 0; t < THREADS; t++) {
            held.add(new HashMap<>());
        }
        for (int i = 0; i < CONTEXTS; i++) {
            ContextType type = i % 2 == 0 ? ContextType.STREAM : ContextType.STREAMHANDLE;
            long context = fm.allocateContext(filter, type.value(), 32, PoolType.PAGED_POOL).returnedContext();
            types.put(context, type);
            held.get(i % THREADS).merge(context, 1, Integer::sum);
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Worker worker = new Worker(fm, instance, fileObjects, held.get(t), types, new Random(seed * 31 + t));
                workers.add(() -> {
                    worker.run();
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(workers)) {
                done.get(); // rethrows a bug check or any other failure of a worker
            }
        } finally {
            pool.shutdown();
        }
        for (long fileObject : fileObjects) {
            fm.closeFile(fileObject);
        }
        fm.dismountVolume(volume);

        Map<Long, Integer> cleanups = new HashMap<>();
        for (CallbackEvent event : fm.takeCallbackEvents()) {
            if (event.kind() == CallbackEvent.Kind.CLEANUP) {
                cleanups.merge(event.address(), 1, Integer::sum);
            }
        }
        for (long context : types.keySet()) {
            ContextState state = fm.inspectContext(context);
            assertThat(state.alive()).as("context 0x%X freed (seed %d)", context, seed).isFalse();
            assertThat(state.cleanupCalls()).as("cleanup calls of 0x%X (seed %d)", context, seed).isEqualTo(1);
            assertThat(cleanups.get(context)).as("CLEANUP events for 0x%X (seed %d)", context, seed).isEqualTo(1);
        }
        assertThat(fm.pool().liveContexts()).as("live contexts at the end (seed %d)", seed).isZero();
    }

    /** One thread of a minifilter: it only uses contexts it holds, and lets go of all of them at the end. */
    private static final class Worker {
        private final ReferenceFilterManager fm;
        private final long instance;
        private final List<Long> fileObjects;
        private final Map<Long, Integer> held;
        private final Map<Long, ContextType> types;
        private final Random random;

        Worker(ReferenceFilterManager fm, long instance, List<Long> fileObjects, Map<Long, Integer> held,
               Map<Long, ContextType> types, Random random) {
            this.fm = fm;
            this.instance = instance;
            this.fileObjects = fileObjects;
            this.held = held;
            this.types = types;
            this.random = random;
        }

        void run() {
            for (int step = 0; step < STEPS; step++) {
                ContextTarget target = ContextTarget.file(instance, fileObjects.get(random.nextInt(fileObjects.size())));
                ContextType type = random.nextBoolean() ? ContextType.STREAM : ContextType.STREAMHANDLE;
                long mine = pickHeld();
                switch (random.nextInt(7)) {
                    case 0:
                        if (mine != 0) {
                            fm.referenceContext(mine);
                            gain(mine);
                        }
                        break;
                    case 1:
                        if (mine != 0) {
                            fm.releaseContext(mine);
                            lose(mine);
                        }
                        break;
                    case 2:
                        if (mine != 0) {
                            int operation = random.nextBoolean() ? SetOperation.KEEP_IF_EXISTS : SetOperation.REPLACE_IF_EXISTS;
                            gain(fm.setContext(types.get(mine), target, operation, mine, random.nextBoolean()).context());
                        }
                        break;
                    case 3:
                        gain(fm.getContext(type, target).context());
                        break;
                    case 4:
                        gain(fm.deleteTypedContext(type, target, random.nextBoolean()).context());
                        break;
                    case 5:
                        if (mine != 0) {
                            fm.deleteContext(mine);
                        }
                        break;
                    default:
                        ContextResult got = fm.getContext(type, target);
                        if (got.context() != 0) {
                            fm.releaseContext(got.context());
                        }
                }
            }
            for (Map.Entry<Long, Integer> entry : held.entrySet()) {
                for (int i = 0; i < entry.getValue(); i++) {
                    fm.releaseContext(entry.getKey());
                }
            }
            held.clear();
        }

        private long pickHeld() {
            if (held.isEmpty()) {
                return 0;
            }
            List<Long> mine = new ArrayList<>(held.keySet());
            mine.sort(null);
            return mine.get(random.nextInt(mine.size()));
        }

        private void gain(long context) {
            if (context != 0) {
                held.merge(context, 1, Integer::sum);
            }
        }

        private void lose(long context) {
            held.computeIfPresent(context, (c, n) -> n == 1 ? null : n - 1);
        }
    }
}
