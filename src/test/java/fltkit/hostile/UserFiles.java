package fltkit.hostile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A tree of a user's own files, and its fingerprint, to prove the kit left them exactly as they were. */
final class UserFiles {
    private UserFiles() {
    }

    /** Writes these files (paths relative to {@code dir}), each with content of its own; returns their fingerprint. */
    static Map<String, String> plant(Path dir, String... files) throws IOException {
        Map<String, String> planted = new TreeMap<>();
        for (String file : files) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            byte[] content = ("the user's own " + file + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(path, content);
            planted.put(file, sha256(content));
        }
        return planted;
    }

    /** Every file and folder under {@code dir}: relative path to the SHA-256 of its content, or "folder". */
    static Map<String, String> fingerprint(Path dir) throws IOException {
        Map<String, String> found = new TreeMap<>();
        if (!Files.exists(dir)) {
            return found;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                if (!path.equals(dir)) {
                    found.put(dir.relativize(path).toString().replace('\\', '/'),
                            Files.isDirectory(path) ? "folder" : sha256(Files.readAllBytes(path)));
                }
            }
        }
        return found;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
