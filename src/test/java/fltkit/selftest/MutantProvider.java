package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.settings.KitSettings;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the kit loads by class name to run a {@link Mutant}: the reference, broken as the mutant says.
 * The kit makes one provider per class name and keeps it, so this one looks up the mutant of the run in
 * progress (named by a setting) each time it is asked; a subclass may fix its mutant instead, to be
 * named on a command line.
 */
public class MutantProvider extends ReferenceProvider {
    /** The setting naming the mutant of the run in progress. */
    static final String MUTANT = "fltkit.selftest.mutant";
    private static final Map<String, Mutant> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicLong RUNS = new AtomicLong();

    private final Mutant fixed;

    public MutantProvider() {
        this(null);
    }

    protected MutantProvider(Mutant fixed) {
        this.fixed = fixed;
    }

    /** Runs {@code run} (an engine run naming this class as the implementation) with {@code mutant} as the one served. */
    static <T> T running(Mutant mutant, Supplier<T> run) {
        String key = mutant.name() + "#" + RUNS.incrementAndGet();
        RUNNING.put(key, mutant);
        Object[] result = new Object[1];
        try {
            KitSettings.with(Map.of(MUTANT, key), () -> result[0] = run.get());
        } finally {
            RUNNING.remove(key);
        }
        @SuppressWarnings("unchecked")
        T answer = (T) result[0];
        return answer;
    }

    private Mutant mutant() {
        if (fixed != null) {
            return fixed;
        }
        String key = KitSettings.get(MUTANT)
                .orElseThrow(() -> new IllegalStateException(getClass().getName() + " runs a mutant; start it with KitRun.run(Mutant, ...)"));
        Mutant mutant = RUNNING.get(key);
        if (mutant == null) {
            throw new IllegalStateException("no mutant " + key + " is running");
        }
        return mutant;
    }

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("broken: " + mutant().name(), "0", "fltkit self-test", "Java");
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        Mutant mutant = mutant();
        return mutant.create(mutant.reference(version, () -> (ReferenceFilterManager) super.create(version)), version);
    }
}
