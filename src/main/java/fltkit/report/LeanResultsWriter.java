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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 *   <li>An attachment whose bytes were already written into the folder during this run (the same data table,
 *       recorded value or call trace in another scenario or profile) is not written again: the result names the
 *       file that holds them. An all-profile run wrote 1,219 result attachments of which 140 differ; the report
 *       generator opens and sniffs each file it is given (Tika's magic, about 20% of such a run), and embeds it
 *       once.</li>
 * </ul>
 */
final class LeanResultsWriter implements AllureResultsWriter {
    /** Attachments larger than this are written as they come, never compared. */
    static final int COMPARED_BYTES = 1 << 20;
    /** The attachments written into each results folder by the runs under way, shared by their profiles' writers. */
    private static final Map<Path, Attachments> FOLDERS = new ConcurrentHashMap<>();

    private final Path folder;
    private final FileSystemResultsWriter files;
    private final Attachments attachments;

    LeanResultsWriter(Path folder) {
        this.folder = folder;
        this.files = new FileSystemResultsWriter(folder);
        this.attachments = FOLDERS.computeIfAbsent(folder.toAbsolutePath().normalize(), Attachments::new);
    }

    /** The run writing into this results folder is over: what it wrote there is no longer shared. */
    static void forget(Path folder) {
        FOLDERS.remove(folder.toAbsolutePath().normalize());
    }

    @Override
    public void write(TestResult result) {
        rename(result.getAttachments());
        result.getSteps().forEach(this::rename);
        if (result.getStatus() == Status.PASSED && result.getStatusDetails() != null
                && result.getStatusDetails().getMessage() != null) {
            drop(result.getAttachments());
            result.getSteps().forEach(this::drop);
        }
        files.write(result);
    }

    /** Points the step's attachments (and its steps') at the files that hold their bytes. */
    private void rename(StepResult step) {
        rename(step.getAttachments());
        step.getSteps().forEach(this::rename);
    }

    private void rename(List<Attachment> list) {
        list.forEach(attachment -> {
            if (attachment.getSource() != null) {
                attachment.setSource(attachments.holder(attachment.getSource()));
            }
        });
    }

    private void drop(StepResult step) {
        drop(step.getAttachments());
        step.getSteps().forEach(this::drop);
    }

    private void drop(List<Attachment> list) {
        list.removeIf(attachment -> {
            if (!Recorded.MEDIA_TYPE.equals(attachment.getType()) || attachment.getSource() == null) {
                return false;
            }
            if (!attachments.lastUser(attachment.getSource())) {
                return true;    // another result still names the file: it stays
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
        Stream.concat(container.getBefores().stream(), container.getAfters().stream()).forEach(fixture -> {
            rename(fixture.getAttachments());
            fixture.getSteps().forEach(this::rename);
        });
        files.write(container);
    }

    /** A hook that passed, with no attachment and no step: nothing in it for a reader. */
    private static boolean plumbing(FixtureResult fixture) {
        return fixture.getStatus() == Status.PASSED && fixture.getAttachments().isEmpty() && fixture.getSteps().isEmpty();
    }

    @Override
    public void write(String source, InputStream attachment) {
        attachments.write(files, source, attachment);
    }

    /**
     * The attachment files of one results folder, by content. Each source the lifecycle writes is named by one
     * result; several sources may share the file of the first one with the same bytes and file name extension.
     */
    static final class Attachments {
        private final Path folder;
        /** File name extension and SHA-256 of the bytes, to the source whose file holds them. */
        private final Map<String, String> byContent = new HashMap<>();
        /** A source written but not yet named by a result written, to the source whose file holds its bytes. */
        private final Map<String, String> pending = new HashMap<>();
        /** A file's source, to how many sources it holds the bytes of (that a result still names). */
        private final Map<String, Integer> users = new HashMap<>();

        Attachments(Path folder) {
            this.folder = folder;
        }

        synchronized void write(FileSystemResultsWriter files, String source, InputStream attachment) {
            byte[] head;
            try {
                head = attachment.readNBytes(COMPARED_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the attachment " + source, e);
            }
            if (head.length > COMPARED_BYTES) {
                files.write(source, new SequenceInputStream(new ByteArrayInputStream(head), attachment));
                return;
            }
            String key = extension(source) + " " + sha256(head);
            String holder = byContent.get(key);
            if (holder == null || !Files.isRegularFile(folder.resolve(holder))) {   // gone: discarded, or another run's
                files.write(source, new ByteArrayInputStream(head));
                byContent.put(key, source);
                holder = source;
            }
            pending.put(source, holder);
            users.merge(holder, 1, Integer::sum);
        }

        /** The source whose file holds this source's bytes (itself when it was written as it came). */
        synchronized String holder(String source) {
            String holder = pending.remove(source);
            return holder == null ? source : holder;
        }

        /** One result no longer names this file: true when none does now, and the file may go. */
        synchronized boolean lastUser(String holder) {
            Integer left = users.computeIfPresent(holder, (file, count) -> count > 1 ? count - 1 : null);
            if (left != null) {
                return false;
            }
            byContent.values().remove(holder);
            return true;
        }

        private static String extension(String source) {
            int dot = source.lastIndexOf('.');
            return dot < 0 || source.indexOf('/', dot) >= 0 ? "" : source.substring(dot);
        }

        private static String sha256(byte[] bytes) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }
    }
}
