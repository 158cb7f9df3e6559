package fltkit.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, started the way this machine allows (no background networking). */
public final class Chromium {
    public static final Path BINARY = Path.of(System.getProperty("fltkit.chromium", "/usr/bin/chromium"));

    private Chromium() {
    }

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Whether a missing Chromium fails the test (in CI, or with -Dfltkit.browser.required=true) rather than skips it. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("fltkit.browser.required");
    }

    /** The page's DOM after its scripts ran. */
    public static String dumpDom(Path page, String fragment) throws IOException, InterruptedException {
        Path out = Files.createTempFile("fltkit-dom", ".html");
        try {
            run(List.of("--virtual-time-budget=5000", "--dump-dom", url(page, fragment)), out);
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    static void screenshot(Path page, String fragment, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(List.of("--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath(), url(page, fragment)), null);
        if (!Files.exists(png)) {
            throw new IOException("chromium wrote no screenshot " + png);
        }
    }

    /** What a reader sees: the DOM without scripts, styles and tags, whitespace collapsed. */
    public static String visibleText(String dom) {
        return dom.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]+>", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String url(Path page, String fragment) {
        return page.toAbsolutePath().toUri() + (fragment == null ? "" : "#" + fragment);
    }

    private static void run(List<String> args, Path stdout) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("fltkit-chromium");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
        Process process = builder.start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish within 90 s: " + command);
            }
        } finally {
            deleteTree(profile);
        }
    }

    /** Deletes a folder the test itself made. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(java.util.stream.Collectors.toList())) {
                Files.delete(p);
            }
        }
    }
}
