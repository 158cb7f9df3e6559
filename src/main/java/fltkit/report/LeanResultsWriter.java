package fltkit.report;

import fltkit.rules.Recorded;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Allure's file writer, minus what says nothing a reader needs:
 * <ul>
 *   <li>A passed scenario's recorded values are already its status message ({@link ReportLabels} puts every
 *       one there, name and value, before the result is written), so their JSON attachments are dropped from
 *       the result and their files deleted. They were most of a run's attachment files, each one a file the
 *       report generator opens, sniffs for its content type and embeds again. A scenario that did not pass
 *       keeps them: its message is its failure.</li>
 *   <li>A container whose hooks all passed with nothing attached is not written. The Cucumber plugin writes
 *       three per scenario (the profile gate, the leak check, the close), 7,815 files in an all-profile run,
 *       each shown in the report as a passed set-up or tear-down step. A hook that was skipped, failed or
 *       attached something (a leak check's finding) keeps its container.</li>
 * </ul>
 */
final class LeanResultsWriter implements AllureResultsWriter {
    private final Path folder;
    private final FileSystemResultsWriter files;

    LeanResultsWriter(Path folder) {
        this.folder = folder;
        this.files = new FileSystemResultsWriter(folder);
    }

    @Override
    public void write(TestResult result) {
        if (result.getStatus() == Status.PASSED && result.getStatusDetails() != null
                && result.getStatusDetails().getMessage() != null) {
            drop(result.getAttachments());
            result.getSteps().forEach(this::drop);
        }
        files.write(result);
    }

    private void drop(StepResult step) {
        drop(step.getAttachments());
        step.getSteps().forEach(this::drop);
    }

    private void drop(List<Attachment> attachments) {
        attachments.removeIf(attachment -> {
            if (!Recorded.MEDIA_TYPE.equals(attachment.getType()) || attachment.getSource() == null) {
                return false;
            }
            try {
                Files.deleteIfExists(folder.resolve(attachment.getSource()));
            } catch (IOException e) {
                return false;   // kept in the result, so the file it names is not left unlisted
            }
            return true;
        });
    }

    @Override
    public void write(TestResultContainer container) {
        if (Stream.concat(container.getBefores().stream(), container.getAfters().stream()).allMatch(LeanResultsWriter::plumbing)) {
            return;
        }
        files.write(container);
    }

    /** A hook that passed, with no attachment and no step: nothing in it for a reader. */
    private static boolean plumbing(FixtureResult fixture) {
        return fixture.getStatus() == Status.PASSED && fixture.getAttachments().isEmpty() && fixture.getSteps().isEmpty();
    }

    @Override
    public void write(String source, InputStream attachment) {
        files.write(source, attachment);
    }
}
