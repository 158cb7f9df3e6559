package fltkit.selftest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MutationAuditTest {
    private static final String POOL = "fltkit.reference.Pool";

    private static MutationAudit.Mutation mutation(String method, int line, String status, String sourceLine) {
        return new MutationAudit.Mutation(POOL, method, line, "MathMutator", "Replaced long addition with subtraction", status,
                status.equals("KILLED") || status.equals("TIMED_OUT"), sourceLine);
    }

    private static MutationAudit.Justification justification(String method, String sourceLine) {
        return new MutationAudit.Justification(1, POOL, method, "Replaced long addition with subtraction", sourceLine,
                "EQUIVALENT: addresses are opaque");
    }

    @Test
    void justifiedSurvivorsAreSetAsideAndTheRestListed() {
        List<MutationAudit.Mutation> mutations = List.of(
                mutation("allocate", 10, "KILLED", "a = b + c;"),
                mutation("allocate", 11, "TIMED_OUT", "d = e + f;"),
                mutation("allocate", 74, "SURVIVED", "next += size + 16;"),
                mutation("free", 90, "NO_COVERAGE", "bytes += size;"));

        MutationAudit.Verdict verdict = MutationAudit.audit(mutations, List.of(justification("allocate", "next += size + 16;")), 60);

        assertThat(verdict.report())
                .contains("4 mutants, 2 killed, 1 survived, 1 without coverage")
                .contains("Raw score: 50.0% (2 of 4)")
                .contains("Justified survivors: 1 (1 EQUIVALENT)")
                .contains("Score without the 1 equivalent mutants (EQUIVALENT, KIT-MISUSE, DIAGNOSTIC): 66.7% (2 of 3)")
                .contains("Pool.free:90 NO_COVERAGE [Replaced long addition with subtraction]: bytes += size;")
                .contains("VERDICT: goal met");
        assertThat(verdict.met()).isTrue();
        assertThat(MutationAudit.audit(mutations, List.of(), 60).met()).as("2 of 4 is below 60%").isFalse();
    }

    @Test
    void answersTheDocumentsAllowAreExplainedButStayInTheScore() {
        List<MutationAudit.Mutation> mutations = List.of(
                mutation("allocate", 10, "KILLED", "a = b + c;"),
                mutation("allocate", 74, "SURVIVED", "next += size + 16;"),
                mutation("allocate", 74, "SURVIVED", "next += size + 16;"));
        MutationAudit.Justification allowed = new MutationAudit.Justification(1, POOL, "allocate",
                "Replaced long addition with subtraction", "next += size + 16;", "IMPLEMENTATION-DEFINED: REG-011; either is allowed");

        MutationAudit.Verdict verdict = MutationAudit.audit(mutations, List.of(allowed), 90);

        assertThat(verdict.report()).as("two alike mutants are two survivors")
                .contains("Justified survivors: 2 (2 IMPLEMENTATION-DEFINED)")
                .contains("Score without the 0 equivalent mutants (EQUIVALENT, KIT-MISUSE, DIAGNOSTIC): 33.3% (1 of 3)")
                .contains("without them too: 100.0% (1 of 1)")
                .contains("VERDICT: below the goal");
        assertThat(verdict.met()).isFalse();
    }

    @Test
    void aJustificationThatMatchesNoSurvivorIsStaleAndFailsTheAudit() {
        List<MutationAudit.Mutation> mutations = List.of(mutation("allocate", 74, "KILLED", "next += size + 16;"));

        MutationAudit.Verdict verdict = MutationAudit.audit(mutations, List.of(justification("allocate", "next += size + 16;"),
                new MutationAudit.Justification(2, "fltkit.reference.Other", "m", "d", "x;", "EQUIVALENT: another class")), 90);

        assertThat(verdict.met()).isFalse();
        assertThat(verdict.report()).contains("match no surviving mutant").contains("line 1: fltkit.reference.Pool.allocate")
                .doesNotContain("fltkit.reference.Other").contains("VERDICT: stale");
    }

    @Test
    void aJustificationNeedsFiveCellsAndAKnownCategory(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("justified.tsv");
        Files.writeString(file, "# comment\nPool\tallocate\tdesc\tline;\tEQUIVALENT: fine\n");
        assertThat(MutationAudit.justifications(file)).singleElement()
                .satisfies(j -> assertThat(j.className()).isEqualTo(POOL));

        Files.writeString(file, "Pool\tallocate\tdesc\tline;\n");
        assertThatThrownBy(() -> MutationAudit.justifications(file)).hasMessageContaining("line 1: expected 5 tab-separated");
        Files.writeString(file, "Pool\tallocate\tdesc\tline;\tBECAUSE: reasons\n");
        assertThatThrownBy(() -> MutationAudit.justifications(file)).hasMessageContaining("a reason starts with one of");
    }
}
