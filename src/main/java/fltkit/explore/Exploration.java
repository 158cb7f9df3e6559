package fltkit.explore;

import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleEntry;
import fltkit.rules.RuleId;
import fltkit.settings.KitConfigurationException;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Exploration: random sequences of calls a well-behaved minifilter may make, run against an implementation
 * and the reference side by side, judged by the documented rules ({@link Freedoms} says what is left out),
 * each divergence shrunk to a minimal scenario in the kit's step vocabulary. The entry point for the command
 * line ({@code explore}), a JUnit test, or {@code exec:java}.
 */
public final class Exploration {
    /** How long one sequence (or one replay while shrinking) may take before the implementation counts as hung. */
    private static final long SEQUENCE_LIMIT_SECONDS = 60;
    /** Shrinking gets this long and this many replays per divergence. */
    private static final long SHRINK_SECONDS = 20;
    private static final int SHRINK_REPLAYS = 4000;

    private Exploration() {
    }

    /** A sequence as it was generated and how it ended. */
    private record Sequence(List<Action> actions, Runner.Outcome outcome, long seed) {
    }

    /**
     * Runs the exploration and, when the options name a reports folder, writes {@value ExplorationResult#FILE}
     * there. A provider that cannot make a filter manager for the profile, or that hangs, is a
     * {@link KitConfigurationException} (the command line's exit code 2).
     */
    public static ExplorationResult run(ExplorationOptions options) {
        FilterManagerProvider provider = options.provider();
        String name = provider.info().name();
        if (!provider.windowsVersions().contains(options.profile())) {
            throw new KitConfigurationException(name + " does not claim the " + options.profile().profile()
                    + " profile; explore one of the profiles it claims: " + provider.windowsVersions());
        }
        Set<Capability> capabilities;
        try (FilterManager probe = provider.create(options.profile())) {
            capabilities = Capability.of(probe);
        } catch (RuntimeException e) {
            throw new KitConfigurationException(name + " could not make a filter manager for the " + options.profile().profile()
                    + " profile: " + e, e);
        }
        Runner runner = new Runner(provider, options.profile(), capabilities);
        long started = System.nanoTime();
        long deadline = started + options.timeLimit().toNanos();
        Map<String, Sequence> first = new LinkedHashMap<>();
        List<String> kitErrors = new ArrayList<>();
        int divergent = 0;
        int sequences = 0;
        long seed = options.seed();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fltkit-explore");
            thread.setDaemon(true);
            return thread;
        });
        try {
            while (sequences < options.sequences() && System.nanoTime() < deadline) {
                long sequenceSeed = seed;
                Sequence sequence = within(worker, name, () -> generate(runner, sequenceSeed, options.length()));
                seed = nextSeed(seed);
                sequences++;
                if (sequence.outcome().diverged()) {
                    divergent++;
                    first.putIfAbsent(sequence.outcome().ruleId(), sequence);
                } else if (sequence.outcome().status() == Runner.Status.KIT_ERROR) {
                    kitErrors.add("seed " + sequenceSeed + ": " + sequence.outcome().message());
                }
                if (options.progress() != null && sequences % options.progressEvery() == 0) {
                    progress(options.progress(), sequences, options.sequences(), runner, first.size(), started);
                }
            }
            List<Divergence> divergences = new ArrayList<>();
            for (Sequence sequence : first.values()) {
                long shrinkDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SHRINK_SECONDS);
                Shrinker shrinker = new Shrinker(runner, sequence.outcome().ruleId(), shrinkDeadline, SHRINK_REPLAYS);
                Shrinker.Result shrunk = within(worker, name, () -> shrinker.shrink(sequence.actions(), sequence.outcome()));
                divergences.add(divergence(sequence, shrunk, options, name));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            ExplorationResult result = new ExplorationResult(name, options.profile().profile(), options.seed(), sequences, divergent,
                    runner.calls(), runner.comparison.checks(), seconds, divergences, kitErrors);
            if (options.reports() != null) {
                result.write(options.reports());
            }
            return result;
        } finally {
            worker.shutdownNow();
        }
    }

    /** The seed after {@code seed} (SplitMix64's finaliser): sequence i+1's seed follows from sequence i's. */
    static long nextSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Sequence generate(Runner runner, long seed, int length) {
        Generator generator = new Generator(seed, runner.env);
        int target = generator.length(length);
        List<Action> actions = new ArrayList<>();
        try (Runner.Run run = runner.start()) {
            for (int position = 0; position < target; position++) {
                Action action = generator.next(run.reference, position);
                if (action == null) {
                    break;
                }
                actions.add(action);
                Optional<Runner.Outcome> stopped = run.step(action);
                if (stopped.isPresent()) {
                    return new Sequence(actions, stopped.get(), seed);
                }
            }
            return new Sequence(actions, run.finish(), seed);
        }
    }

    private static Divergence divergence(Sequence sequence, Shrinker.Result shrunk, ExplorationOptions options, String name) {
        String rule = shrunk.outcome().ruleId();
        List<String> header = new ArrayList<>();
        header.add("Found by fltkit explore in " + name + ", profile " + options.profile().profile() + ", sequence seed "
                + sequence.seed() + "; shrunk from " + sequence.actions().size() + " actions in " + shrunk.replays() + " replays.");
        header.add("Replay: explore --seed " + sequence.seed() + " --sequences 1 --length " + options.length() + " --profile "
                + options.profile().profile() + " (and the same implementation).");
        header.add(placement(rule));
        ScenarioPrinter.Printed printed = ScenarioPrinter.print(shrunk.actions(), shrunk.outcome(), header);
        return new Divergence(rule, printed.message(), printed.text(), sequence.seed(), printed.steps(), sequence.actions().size());
    }

    /** Where the scenario belongs: the rule's feature file, or that no documented rule covers it. */
    private static String placement(String rule) {
        if (RuleId.isKitCheck(rule)) {
            return "No documented rule covers this (" + rule + " is one of the kit's own checks); it is never a rule's verdict.";
        }
        try {
            for (RuleEntry entry : RuleCatalog.load().rules()) {
                if (entry.id().equals(rule)) {
                    return "Paste it under 'Rule: " + rule + " " + entry.title() + "' in features/" + entry.uri() + ".";
                }
            }
        } catch (RuntimeException e) {
            // the catalogue is a nicety here; the rule ID says enough
        }
        return "Paste it under the rule " + rule + ".";
    }

    private static <T> T within(ExecutorService worker, String name, Supplier<T> work) {
        Future<T> future = worker.submit(work::get);
        try {
            return future.get(SEQUENCE_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new KitConfigurationException(name + " did not finish one sequence within " + SEQUENCE_LIMIT_SECONDS
                    + " s; exploration stopped (a call into the implementation hung)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof KitConfigurationException) {
                throw (KitConfigurationException) cause;
            }
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KitConfigurationException("exploration was interrupted", e);
        }
    }

    private static void progress(PrintStream out, int done, int total, Runner runner, int found, long started) {
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("explore: %d/%d sequences, %d calls, %d divergence(s), %.1f s (%.0f sequences/s)%n", done, total,
                runner.calls(), found, seconds, seconds > 0 ? done / seconds : 0);
    }
}
