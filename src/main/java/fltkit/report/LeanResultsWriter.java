package fltkit.report;

import fltkit.rules.Recorded;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Allure's file writer, minus one duplicate: a passed scenario's recorded values are already its status
 * message ({@link ReportLabels} puts every one there, name and value, before the result is written), so their
 * JSON attachments are dropped from the result and their files deleted. They were most of a run's attachment
 * files, each one a file the report generator opens, sniffs for its content type and embeds again. A scenario
 * that did not pass keeps them: its message is its failure.
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
        files.write(container);
    }

    @Override
    public void write(String source, InputStream attachment) {
        files.write(source, attachment);
    }
}
