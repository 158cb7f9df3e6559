package fltkit.explore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.reference.ReferenceProvider;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference explored against itself finds nothing: every check the explorer makes holds where the documents
 * determine the answer, and nothing the reference chose where they leave a choice is demanded (the
 * {@link Freedoms} are encoded right, at least as far as one implementation can show). Exploring the
 * independent C model the same way is {@link CModelExplorationTest}.
 */
class ReferenceExplorationTest {

    private static ExplorationOptions options(WindowsVersion profile, int sequences) {
        return ExplorationOptions.of(new ReferenceProvider(), profile).withSeed(20240601).withSequences(sequences)
                .withTimeLimit(Duration.ofMinutes(5));
    }

    @Test
    void aFewHundredSequencesAgainstTheReferenceDivergeNowhere() {
        ExplorationResult result = Exploration.run(options(WindowsVersion.WIN11, 300));

        assertThat(result.sequences()).isEqualTo(300);
        assertThat(result.kitErrors()).as("sequences the reference itself refused (the generator's mistakes)").isEmpty();
        assertThat(result.divergences()).as("divergences of the reference from itself").isEmpty();
        assertThat(result.calls()).as("calls made").isGreaterThan(300 * 10L);
        assertThat(result.checks()).as("checks judged").isGreaterThan(result.calls() / 2);
        System.out.printf("reference explored in win11: %d sequences, %d calls, %d checks, %.1f s (%.0f sequences/s)%n",
                result.sequences(), result.calls(), result.checks(), result.seconds(), result.sequencesPerSecond());
    }

    @ParameterizedTest
    @EnumSource(value = WindowsVersion.class, names = {"VISTA", "WIN7", "WIN8", "WIN10"})
    void theOtherProfilesDivergeNowhereEither(WindowsVersion profile) {
        ExplorationResult result = Exploration.run(options(profile, 100));

        assertThat(result.kitErrors()).isEmpty();
        assertThat(result.divergences()).isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameSequences() {
        ExplorationResult first = Exploration.run(options(WindowsVersion.WIN8, 60));
        ExplorationResult second = Exploration.run(options(WindowsVersion.WIN8, 60));
        ExplorationResult other = Exploration.run(options(WindowsVersion.WIN8, 60).withSeed(7));

        assertThat(second.calls()).isEqualTo(first.calls());
        assertThat(second.checks()).isEqualTo(first.checks());
        assertThat(other.calls()).as("another seed, other sequences").isNotEqualTo(first.calls());
    }

    @Test
    void eachSequenceSeedReplaysThatSequenceAlone() {
        long seed = 99;
        long third = Exploration.nextSeed(Exploration.nextSeed(seed));
        ExplorationResult three = Exploration.run(options(WindowsVersion.WIN11, 3).withSeed(seed));
        ExplorationResult two = Exploration.run(options(WindowsVersion.WIN11, 2).withSeed(seed));
        ExplorationResult alone = Exploration.run(options(WindowsVersion.WIN11, 1).withSeed(third));

        assertThat(two.calls() + alone.calls()).isEqualTo(three.calls());
    }

    @Test
    void theResultIsWrittenAsExplorationJsonAndNothingElse(@TempDir Path reports) throws IOException {
        ExplorationResult result = Exploration.run(options(WindowsVersion.WIN10, 20).withReports(reports));

        try (Stream<Path> files = Files.list(reports)) {
            assertThat(files).containsExactly(reports.resolve("exploration.json"));
        }
        JsonNode json = new ObjectMapper().readTree(reports.resolve("exploration.json").toFile());
        assertThat(json.get("implementation").asText()).isEqualTo("fltkit reference model");
        assertThat(json.get("profile").asText()).isEqualTo("win10");
        assertThat(json.get("seed").asLong()).isEqualTo(20240601);
        assertThat(json.get("sequences").asInt()).isEqualTo(20);
        assertThat(json.get("calls").asLong()).isEqualTo(result.calls());
        assertThat(json.get("seconds").asDouble()).isPositive();
        assertThat(json.get("divergences").isArray()).isTrue();
        assertThat(json.get("divergences")).isEmpty();
    }

    @Test
    void theTimeLimitStopsExploration() {
        ExplorationResult result = Exploration.run(options(WindowsVersion.WIN11, 1_000_000).withTimeLimit(Duration.ofMillis(300)));

        assertThat(result.sequences()).isLessThan(1_000_000);
        assertThat(result.seconds()).isLessThan(30);
    }
}
