package fltkit.report;

import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.RuleEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatrixMainTest {
    @TempDir
    Path dir;

    @Test
    void summariesOfOneKitVersionMergeIntoAMatrix() throws IOException {
        Path a = write("a.json", summary("alpha", "1.0", Outcome.PASSED));
        Path b = write("b.json", summary("beta", "1.0", Outcome.FAILED));
        assertThat(MatrixMain.run(new String[] {"--out", dir.resolve("m").toString(), a.toString(), b.toString()})).isZero();
        assertThat(dir.resolve("m").resolve(MatrixMain.MARKDOWN)).content()
                .contains("| Rule | Level | alpha 1 · win11 | beta 1 · win11 |")
                .contains("| ALLOC-002 a rule | MUST | passed | failed |")
                .contains("alpha 1: win11 CONFORMS; beta 1: win11 DOES NOT CONFORM");
        assertThat(dir.resolve("m").resolve(MatrixMain.HTML)).content().contains("win11 DOES NOT CONFORM")
                .contains("Content-Security-Policy");
    }

    @Test
    void summariesOfDifferentKitVersionsAreRefused() throws IOException {
        Path a = write("a.json", summary("alpha", "1.0", Outcome.PASSED));
        Path b = write("b.json", summary("beta", "1.1", Outcome.PASSED));
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = MatrixMain.run(new String[] {"--out", dir.resolve("m").toString(), a.toString(), b.toString()});
        } finally {
            System.setErr(previous);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("kit version 1.1").contains("kit version 1.0")
                .contains("only summaries of the same kit version are merged");
        assertThat(dir.resolve("m").resolve(MatrixMain.HTML)).doesNotExist();
    }

    @Test
    void theSummaryOfARunThatDidNotFinishIsRefused() throws IOException {
        ConformanceSummary finished = summary("alpha", "1.0", Outcome.PASSED);
        Path cut = write("cut.json", new ConformanceSummary(finished.format(), finished.run().unfinished("the JVM was made to exit"),
                finished.profiles(), finished.headline(), finished.rules(), finished.kitChecks(), finished.problems(), finished.exploration()));
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = MatrixMain.run(new String[] {"--out", dir.resolve("m").toString(), cut.toString()});
        } finally {
            System.setErr(previous);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("a run that did not finish (the JVM was made to exit)", "rerun");
        assertThat(dir.resolve("m").resolve(MatrixMain.HTML)).doesNotExist();
    }

    /** Runs merge on the files, expecting it to refuse them; returns what it said on stderr. */
    private String refused(Path... inputs) {
        List<String> args = new java.util.ArrayList<>(List.of("--out", dir.resolve("m").toString()));
        for (Path input : inputs) {
            args.add(input.toString());
        }
        PrintStream previous = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = MatrixMain.run(args.toArray(String[]::new));
        } finally {
            System.setErr(previous);
        }
        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("m").resolve(MatrixMain.HTML)).doesNotExist();
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void emptyMalformedAndWrongShapeFilesAreRefusedNamingTheFile() throws IOException {
        Path good = write("good.json", summary("alpha", "1.0", Outcome.PASSED));
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path malformed = Files.writeString(dir.resolve("malformed.json"), "{\"format\": \"fltkit-summary/2\", \"run\": {");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2, 3]");

        assertThat(refused(good, empty)).contains(empty + " is not a conformance summary").contains("name the conformance-summary.json");
        assertThat(refused(good, malformed)).contains(malformed + " is not a conformance summary").contains("line 1");
        assertThat(refused(array)).contains(array + " is not a conformance summary");
    }

    @Test
    void aFileFarLargerThanAnySummaryIsRefusedBeforeItIsRead() throws IOException {
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[(int) (MatrixMain.DEFAULT_MAX_BYTES + 1)]);
        }
        assertThat(refused(big)).contains(big + " is " + (MatrixMain.DEFAULT_MAX_BYTES + 1) + " bytes")
                .contains("-D" + MatrixMain.MAX_BYTES_PROPERTY);
    }

    private Path write(String name, ConformanceSummary summary) throws IOException {
        Path file = dir.resolve(name);
        summary.write(file);
        return file;
    }

    private static ConformanceSummary summary(String implementation, String kit, Outcome outcome) {
        RunInfo run = new RunInfo(implementation, "1", "v", List.of(), List.of("win11"), kit, "c", "jdk", "os", false, "", "now");
        RuleEntry rule = new RuleEntry("ALLOC-002", "a rule", Level.MUST, "all", "seed", "", "FltAllocateContext",
                "FltAllocateContext.feature", List.of("ALLOC-002 s"));
        ScenarioRun scenario = new ScenarioRun("ALLOC-002", "ALLOC-002 s", "FltAllocateContext.feature", 1, outcome, null, List.of(), null, -1);
        return ConformanceSummary.build(run, List.of(new ProfileRun("win11", List.of(rule), List.of(scenario))));
    }
}
