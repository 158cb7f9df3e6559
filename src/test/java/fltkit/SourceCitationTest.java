package fltkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule's {@code Source:} line is shown verbatim in the kit's reports, which driver developers
 * read without access to the kit's research folder. So a source must point at the public Microsoft
 * Learn page, and no line of a feature file may name one of the kit's private files.
 */
class SourceCitationTest {

    static final String LEARN = "https://learn.microsoft.com/en-us/windows-hardware/drivers/";

    /** Names that only mean something inside the kit's own research material. */
    static final List<Pattern> INTERNAL = List.of(
            Pattern.compile("[0-9a-fA-F]{16}\\.txt"),
            Pattern.compile(Pattern.quote("fltmgr-facts")),
            Pattern.compile(Pattern.quote("shared/")),
            Pattern.compile(Pattern.quote("seeds/")));

    /** What is wrong with the lines of one feature file, each problem starting with file:line. */
    static List<String> problems(String file, List<String> lines) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = file + ":" + (i + 1);
            if (line.strip().startsWith("Source:") && !line.contains(LEARN)) {
                problems.add(where + ": the Source line gives no " + LEARN + " address: " + line.strip());
            }
            for (Pattern internal : INTERNAL) {
                if (internal.matcher(line).find()) {
                    problems.add(where + ": names an internal file (" + internal.pattern() + "): " + line.strip());
                }
            }
        }
        return problems;
    }

    @Test
    void everySourceCitesAPublicLearnPageAndNoLineNamesAnInternalFile() throws IOException {
        List<Path> features;
        try (Stream<Path> files = Files.list(Path.of("features"))) {
            features = files.filter(p -> p.getFileName().toString().endsWith(".feature")).sorted().collect(Collectors.toList());
        }
        assertThat(features).as("feature files under %s", Path.of("features").toAbsolutePath()).isNotEmpty();
        List<String> problems = new ArrayList<>();
        long sources = 0;
        for (Path feature : features) {
            List<String> lines = Files.readAllLines(feature, StandardCharsets.UTF_8);
            sources += lines.stream().filter(l -> l.strip().startsWith("Source:")).count();
            problems.addAll(problems("features/" + feature.getFileName(), lines));
        }
        assertThat(sources).as("Source lines in features/").isPositive();
        assertThat(problems).as("citations a reader cannot follow").isEmpty();
    }

    @Test
    void theCheckNamesTheFileAndLineOfEachKindOfProblem() {
        List<String> lines = List.of(
                "# Rules from 001_1f660b62861822cc.txt",
                "  Rule: ALLOC-900 a rule",
                "    Source: \"FltAllocateContext function (fltkernel.h)\", Remarks",
                "    Ambiguity: see fltmgr-facts.md 4.6 and ../shared/seeds/",
                "  Rule: ALLOC-901 another rule",
                "    Source: \"FltAllocateContext function (fltkernel.h)\", Remarks — " + LEARN
                        + "ddi/fltkernel/nf-fltkernel-fltallocatecontext");
        List<String> found = problems("x.feature", lines);
        assertThat(found).anyMatch(p -> p.startsWith("x.feature:1:") && p.contains("internal file"))
                .anyMatch(p -> p.startsWith("x.feature:3:") && p.contains("no " + LEARN))
                .anyMatch(p -> p.startsWith("x.feature:4:") && p.contains("fltmgr-facts"))
                .anyMatch(p -> p.startsWith("x.feature:4:") && p.contains("shared/"))
                .noneMatch(p -> p.startsWith("x.feature:6:"));
    }
}
