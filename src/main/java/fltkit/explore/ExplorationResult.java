package fltkit.explore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an exploration did and found. Never a documented rule's verdict: each divergence is a shrunk scenario
 * that, pasted under its rule, would make one.
 *
 * @param implementation    the name the implementation gives itself
 * @param profile           the Windows profile
 * @param seed              the first sequence's seed
 * @param sequences         sequences run
 * @param divergentSequences sequences that diverged (several may show the same divergence)
 * @param calls             calls the minifilter made into the implementation under test (observations not counted)
 * @param checks            checks judged
 * @param seconds           wall-clock time, shrinking included
 * @param divergences       one per rule broken, each shrunk
 * @param kitErrors         sequences the reference itself refused: the kit's own mistakes, never the implementation's
 */
public record ExplorationResult(String implementation, String profile, long seed, int sequences, int divergentSequences,
                                long calls, long checks, double seconds, List<Divergence> divergences, List<String> kitErrors) {
    /** The file name exploration writes into the reports folder. */
    public static final String FILE = "exploration.json";

    public static final int NO_DIVERGENCE = 0;
    public static final int DIVERGENCES = 1;

    public ExplorationResult {
        divergences = List.copyOf(divergences);
        kitErrors = List.copyOf(kitErrors);
    }

    /** 0 without divergence, 1 with. */
    public int exitCode() {
        return divergences.isEmpty() ? NO_DIVERGENCE : DIVERGENCES;
    }

    public double sequencesPerSecond() {
        return seconds <= 0 ? 0 : sequences / seconds;
    }

    /** The shape README documents: plain fields and one object per divergence. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "fltkit exploration");
        json.put("implementation", implementation);
        json.put("profile", profile);
        json.put("seed", seed);
        json.put("sequences", sequences);
        json.put("divergentSequences", divergentSequences);
        json.put("calls", calls);
        json.put("checks", checks);
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        List<Map<String, Object>> found = new ArrayList<>();
        for (Divergence divergence : divergences) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", divergence.ruleId());
            entry.put("message", divergence.message());
            entry.put("scenario", divergence.scenario());
            entry.put("seed", divergence.seed());
            entry.put("steps", divergence.steps());
            entry.put("calls", divergence.calls());
            found.add(entry);
        }
        json.put("divergences", found);
        json.put("kitErrors", kitErrors);
        return json;
    }

    /** Writes {@value #FILE} into the folder (creating it), and nothing else. */
    public Path write(Path reports) {
        try {
            Files.createDirectories(reports);
            Path file = reports.resolve(FILE);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE + " into " + reports + ": " + e.getMessage(), e);
        }
    }
}
