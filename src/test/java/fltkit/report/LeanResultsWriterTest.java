package fltkit.report;

import fltkit.rules.Recorded;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hooks that passed with nothing to show leave no container behind; any other hook keeps its container. Bytes
 * attached twice in one results folder, by any profile's writer, are one file that every result names.
 */
class LeanResultsWriterTest {

    @Test
    void theSameBytesAttachedTwiceAreOneFileThatBothResultsName(@TempDir Path folder) throws IOException {
        LeanResultsWriter win10 = new LeanResultsWriter(folder);
        LeanResultsWriter win11 = new LeanResultsWriter(folder);   // another profile of the same run
        win10.write("a-attachment.csv", bytes("FILE\t64\n"));
        win11.write("b-attachment.csv", bytes("FILE\t64\n"));
        win11.write("c-attachment.txt", bytes("FILE\t64\n"));   // other extension: a file of its own
        win11.write("d-attachment.csv", bytes("FILE\t65\n"));
        TestResult first = withTable("first", "a-attachment.csv");
        TestResult second = withTable("second", "b-attachment.csv");
        TestResult third = withTable("third", "d-attachment.csv");
        win10.write(first);
        win11.write(second);
        win11.write(third);

        assertThat(source(first)).isEqualTo("a-attachment.csv");
        assertThat(source(second)).as("the second result names the file of the first").isEqualTo("a-attachment.csv");
        assertThat(source(third)).isEqualTo("d-attachment.csv");
        assertThat(folder.resolve("a-attachment.csv")).hasContent("FILE\t64");
        assertThat(folder.resolve("b-attachment.csv")).doesNotExist();
        assertThat(folder.resolve("c-attachment.txt")).exists();
        LeanResultsWriter.forget(folder);
    }

    @Test
    void aDroppedRecordedValueLeavesTheFileWhileAnotherResultStillNamesIt(@TempDir Path folder) throws IOException {
        LeanResultsWriter writer = new LeanResultsWriter(folder);
        String value = "{\"name\":\"status\",\"value\":\"STATUS_SUCCESS\"}";
        writer.write("kept-attachment", bytes(value));
        writer.write("dropped-attachment", bytes(value));
        TestResult failed = recorded("failed", "kept-attachment", Status.FAILED);
        TestResult passed = recorded("passed", "dropped-attachment", Status.PASSED);
        writer.write(failed);
        writer.write(passed);
        assertThat(passed.getAttachments()).as("a passed result's recorded value is its message").isEmpty();
        assertThat(failed.getAttachments()).extracting(Attachment::getSource).containsExactly("kept-attachment");
        assertThat(folder.resolve("kept-attachment")).as("the failed result still names it").exists();

        writer.write("alone-attachment", bytes("{\"other\":1}"));
        writer.write(recorded("alone", "alone-attachment", Status.PASSED));
        assertThat(folder.resolve("alone-attachment")).as("no result names it any more").doesNotExist();
        LeanResultsWriter.forget(folder);
    }

    @Test
    void aFileThatIsGoneIsWrittenAgain(@TempDir Path folder) throws IOException {
        LeanResultsWriter writer = new LeanResultsWriter(folder);
        writer.write("a-attachment.txt", bytes("calls"));
        writer.write(withTable("a", "a-attachment.txt"));
        Files.delete(folder.resolve("a-attachment.txt"));   // an earlier run's reports, deleted by the next claim
        writer.write("b-attachment.txt", bytes("calls"));
        TestResult again = withTable("b", "b-attachment.txt");
        writer.write(again);
        assertThat(source(again)).isEqualTo("b-attachment.txt");
        assertThat(folder.resolve("b-attachment.txt")).hasContent("calls");
        LeanResultsWriter.forget(folder);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static TestResult withTable(String uuid, String source) {
        StepResult step = new StepResult().setName("Given the minifilter registers these context definitions:")
                .setStatus(Status.PASSED).setAttachments(new ArrayList<>(List.of(new Attachment().setName("Data table")
                        .setType("text/tab-separated-values").setSource(source))));
        return new TestResult().setUuid(uuid).setStatus(Status.PASSED).setSteps(new ArrayList<>(List.of(step)));
    }

    private static TestResult recorded(String uuid, String source, Status status) {
        return new TestResult().setUuid(uuid).setStatus(status).setStatusDetails(new StatusDetails().setMessage("[recorded] status"))
                .setAttachments(new ArrayList<>(List.of(new Attachment().setName("recorded").setType(Recorded.MEDIA_TYPE)
                        .setSource(source))));
    }

    private static String source(TestResult result) {
        return result.getSteps().get(0).getAttachments().get(0).getSource();
    }

    @Test
    void onlyContainersWithSomethingToShowAreWritten(@TempDir Path folder) throws IOException {
        LeanResultsWriter writer = new LeanResultsWriter(folder);
        writer.write(container("passed-gate", List.of(fixture(Status.PASSED)), List.of()));
        writer.write(container("passed-close", List.of(), List.of(fixture(Status.PASSED), fixture(Status.PASSED))));
        writer.write(container("skipped-gate", List.of(fixture(Status.SKIPPED)), List.of()));
        writer.write(container("failed-close", List.of(), List.of(fixture(Status.PASSED), fixture(Status.FAILED))));
        writer.write(container("leak-finding", List.of(), List.of(fixture(Status.PASSED)
                .setAttachments(List.of(new Attachment().setName("KIT-LEAK-001").setSource("finding.json"))))));

        try (Stream<Path> written = Files.list(folder)) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("skipped-gate-container.json", "failed-close-container.json",
                            "leak-finding-container.json");
        }
    }

    private static TestResultContainer container(String uuid, List<FixtureResult> befores, List<FixtureResult> afters) {
        return new TestResultContainer().setUuid(uuid).setBefores(befores).setAfters(afters).setChildren(List.of("a-test"));
    }

    private static FixtureResult fixture(Status status) {
        return new FixtureResult().setName("fltkit.steps.Hooks.gate(io.cucumber.java.Scenario)").setStatus(status);
    }
}
