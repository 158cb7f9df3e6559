package fltkit.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run wrote in its reports folder ({@value ReportsFolder#MANIFEST}): paths relative to the folder,
 * '/'-separated, folders ending in '/', and its Allure history. The next run deletes exactly these.
 */
record Manifest(String format, String kitVersion, boolean complete, List<String> written, History history) {
    static final String FORMAT = "fltkit-reports/1";
    /** The manifest of a folder no kit run wrote yet. */
    static final Manifest NONE = new Manifest(FORMAT, "", true, List.of(), null);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The history folder (relative to the reports folder when inside it), the files the kit wrote there, and whether it created it. */
    record History(String folder, List<String> files, boolean created) {
    }

    static Manifest read(Path file) throws IOException {
        Manifest manifest = JSON.readValue(file.toFile(), Manifest.class);
        if (!FORMAT.equals(manifest.format()) || manifest.written() == null) {
            throw new IOException("format '" + manifest.format() + "', expected '" + FORMAT + "'");
        }
        return manifest;
    }

    /** Written beside and renamed into place: a reader never sees half a manifest. */
    void write(Path file) throws IOException {
        AtomicFile.write(file, JSON.writeValueAsBytes(this));
    }
}
