package fltkit.explore;

import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What one exploration does.
 *
 * @param provider       the implementation under test
 * @param profile        the Windows version both it and the reference behave as
 * @param seed           the first sequence's seed; each next sequence's seed follows from it
 * @param sequences      at most this many sequences
 * @param length         at most this many actions per sequence (at least 5, or this, when smaller)
 * @param timeLimit      exploration stops starting sequences after this long; shrinking then has a share of its own
 * @param reports        the folder {@code exploration.json} goes to; null writes nothing
 * @param progress       where a progress line goes every {@code progressEvery} sequences; null for none
 * @param progressEvery  sequences between progress lines
 */
public record ExplorationOptions(FilterManagerProvider provider, WindowsVersion profile, long seed, int sequences, int length,
                                 Duration timeLimit, Path reports, PrintStream progress, int progressEvery) {
    public static final long DEFAULT_SEED = 1;
    public static final int DEFAULT_SEQUENCES = 500;
    public static final int DEFAULT_LENGTH = 20;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    public static final int DEFAULT_PROGRESS_EVERY = 100;

    public ExplorationOptions {
        if (sequences < 1 || length < 1 || progressEvery < 1) {
            throw new IllegalArgumentException("sequences, length and progressEvery must be at least 1");
        }
    }

    /** The defaults (seed 1, 500 sequences of at most 20 actions, 30 s), no report, no progress. */
    public static ExplorationOptions of(FilterManagerProvider provider, WindowsVersion profile) {
        return new ExplorationOptions(provider, profile, DEFAULT_SEED, DEFAULT_SEQUENCES, DEFAULT_LENGTH, DEFAULT_TIME_LIMIT, null,
                null, DEFAULT_PROGRESS_EVERY);
    }

    public ExplorationOptions withSeed(long newSeed) {
        return new ExplorationOptions(provider, profile, newSeed, sequences, length, timeLimit, reports, progress, progressEvery);
    }

    public ExplorationOptions withSequences(int count) {
        return new ExplorationOptions(provider, profile, seed, count, length, timeLimit, reports, progress, progressEvery);
    }

    public ExplorationOptions withLength(int actions) {
        return new ExplorationOptions(provider, profile, seed, sequences, actions, timeLimit, reports, progress, progressEvery);
    }

    public ExplorationOptions withTimeLimit(Duration limit) {
        return new ExplorationOptions(provider, profile, seed, sequences, length, limit, reports, progress, progressEvery);
    }

    public ExplorationOptions withReports(Path folder) {
        return new ExplorationOptions(provider, profile, seed, sequences, length, timeLimit, folder, progress, progressEvery);
    }

    public ExplorationOptions withProgress(PrintStream stream, int every) {
        return new ExplorationOptions(provider, profile, seed, sequences, length, timeLimit, reports, stream, every);
    }
}
