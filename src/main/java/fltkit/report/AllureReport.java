package fltkit.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fltkit.rules.Outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code <reports>/allure-results} into a single-file Allure report ({@code allure-report/index.html},
 * opens from the file system) in-process, with the kit's categories, environment and executor, and the
 * history of the previous run carried over.
 */
public final class AllureReport {
    /**
     * Where the history survives between runs: {@code <reports>/.allure-history} unless this property names
     * another folder, so runs into different folders never mix their trends. Like the reports folder, the kit
     * replaces only history files its own earlier runs wrote there ({@link ReportsFolder}).
     */
    public static final String HISTORY_PROPERTY = "fltkit.allure.history";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page template's scripts: the bundled app as a data: URL, and two inline ones (the data and its loader). */
    private static final Pattern APP_SCRIPT = Pattern.compile("<script src=\"(data:text/javascript;base64,([A-Za-z0-9+/=]*))\"></script>");

    private AllureReport() {
    }

    public static Path historyDirectory(Path reports) {
        String given = System.getProperty(HISTORY_PROPERTY);
        return given == null || given.isBlank() ? reports.resolve(".allure-history") : Path.of(given);
    }

    /** Writes the report, seeded with the folder's Allure history and leaving the new one there; returns its index.html. */
    public static Path generate(Path results, Path reportDir, ReportsFolder folder, RunInfo run) throws IOException {
        Files.createDirectories(results);
        writeCategories(results);
        writeEnvironment(results, run);
        writeExecutor(results, run);
        for (Path file : folder.history()) {
            Files.createDirectories(results.resolve("history"));
            Files.copy(file, results.resolve("history").resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
        }

        Files.createDirectories(reportDir);
        // The generator's classes are touched only from here on: a Maven consumer without the optional
        // allure-generator can still load this class (for the history folder and the results' extras).
        Map<String, byte[]> history = AllureGenerator.singleFile(results, reportDir, reportName(run));
        Path index = reportDir.resolve("index.html");
        String html = Files.readString(index, StandardCharsets.UTF_8);
        AtomicFile.write(index, safe(html, reportName(run)).getBytes(StandardCharsets.UTF_8));
        folder.replaceHistory(history);
        return index;
    }

    private static String reportName(RunInfo run) {
        return "Filter Manager context conformance: " + run.implementation() + (run.partial() ? " (PARTIAL RUN)" : "");
    }

    /** The page as the kit leaves it: offline, its title escaped, and no script running but its own. */
    static String safe(String html, String reportName) {
        // The page template writes the report name, which holds the implementation's name, into <title> unescaped.
        int title = html.indexOf("<title>") + "<title>".length();
        if (title < "<title>".length() || !html.startsWith(reportName + "</title>", title)) {
            throw new IllegalStateException("the Allure page template changed: its <title> is not the report name; "
                    + "check AllureReport.safe against the new template before using this Allure version");
        }
        String page = html.substring(0, title) + Html.escText(reportName) + html.substring(title + reportName.length());
        return withPolicy(offline(page));
    }

    /**
     * Adds a Content-Security-Policy that lets exactly the page's own scripts run, each pinned by its hash (the
     * bundled app through an integrity attribute), so markup an implementation smuggled into a name or a message
     * cannot run script even where the app renders it as HTML. The app needs inline styles and reads its data
     * from data: URLs.
     */
    static String withPolicy(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher app = APP_SCRIPT.matcher(html);
        StringBuilder pinned = new StringBuilder();
        while (app.find()) {
            String hash = sha256(Base64.getDecoder().decode(app.group(2)));
            hashes.add("'" + hash + "'");
            app.appendReplacement(pinned, Matcher.quoteReplacement("<script src=\"" + app.group(1) + "\" integrity=\"" + hash + "\"></script>"));
        }
        app.appendTail(pinned);
        for (String script : inlineScripts(pinned.toString())) {
            hashes.add("'" + sha256(script.getBytes(StandardCharsets.UTF_8)) + "'");
        }
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src "
                + String.join(" ", hashes) + "; style-src 'unsafe-inline' data:; img-src data:; font-src data:; connect-src data:; "
                + "base-uri 'none'; form-action 'none'\">";
        int head = pinned.indexOf("<meta charset=\"utf-8\">") + "<meta charset=\"utf-8\">".length();
        return pinned.insert(head, "\n    " + policy).toString();
    }

    /**
     * The bodies of the page's inline scripts ({@code <script>}, {@code <script async>}, {@code <script defer>}).
     * Found with indexOf, not a pattern: one of them holds the whole report's data (tens of megabytes), which a
     * reluctant {@code .*?} walks character by character.
     */
    static List<String> inlineScripts(String html) {
        List<String> bodies = new ArrayList<>();
        int from = 0;
        for (int start; (start = html.indexOf("<script", from)) >= 0; ) {
            int open = html.indexOf('>', start);
            if (open < 0) {
                break;
            }
            String tag = html.substring(start, open + 1);
            from = open + 1;
            if (tag.equals("<script>") || tag.equals("<script async>") || tag.equals("<script defer>")) {
                int end = html.indexOf("</script>", from);
                if (end < 0) {
                    break;
                }
                bodies.add(html.substring(from, end));
                from = end + "</script>".length();
            }
        }
        return bodies;
    }

    private static String sha256(byte[] content) {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Removes the analytics script tags of the page template: the report must not reach out. */
    static String offline(String html) {
        return html.replaceAll("(?s)<script async src=\"https://www\\.googletagmanager\\.com[^>]*></script>", "")
                .replaceAll("(?s)<script>\\s*window\\.dataLayer.*?</script>", "");
    }

    static void writeCategories(Path results) throws IOException {
        ArrayNode categories = JSON.createArrayNode();
        category(categories, "Non-conformance: a rule failed", "failed");
        category(categories, "Implementation or adapter error (broken)", "broken");
        category(categories, "Not applicable to this Windows version", "skipped", Outcome.NOT_APPLICABLE);
        category(categories, "Not declared by the implementation", "skipped", Outcome.NOT_DECLARED);
        category(categories, "Untestable", "skipped", Outcome.UNTESTABLE);
        category(categories, "Recorded implementation-defined behaviour", "passed", Outcome.RECORDED);
        JSON.writerWithDefaultPrettyPrinter().writeValue(results.resolve("categories.json").toFile(), categories);
    }

    private static void category(ArrayNode into, String name, String status, Outcome marked) {
        category(into, name, status, java.util.regex.Pattern.quote(marked.marker()));
    }

    private static void category(ArrayNode into, String name, String status) {
        category(into, name, status, (String) null);
    }

    private static void category(ArrayNode into, String name, String status, String messagePrefix) {
        ObjectNode category = into.addObject();
        category.put("name", name);
        category.putArray("matchedStatuses").add(status);
        if (messagePrefix != null) {
            category.put("messageRegex", "(?s)" + messagePrefix + ".*");
        }
    }

    static void writeEnvironment(Path results, RunInfo run) throws IOException {
        Properties environment = new Properties() {
            // keep the order stable for readers of the file
            @Override
            public synchronized java.util.Enumeration<Object> keys() {
                return java.util.Collections.enumeration(new java.util.TreeSet<>(super.keySet()));
            }
        };
        environment.setProperty("Implementation", run.implementation() + " " + run.implementationVersion());
        environment.setProperty("Implementation.vendor", run.vendor());
        environment.setProperty("Windows.profiles", String.join(", ", run.profiles()));
        environment.setProperty("Capabilities.declared", String.join(", ", run.capabilities()));
        environment.setProperty("Kit.version", run.kitVersion());
        environment.setProperty("Kit.commit", run.kitCommit());
        environment.setProperty("JDK", run.jdk());
        environment.setProperty("OS", run.os());
        environment.setProperty("Run", run.partial() ? "PARTIAL (" + run.limitedBy() + ")" : "complete");
        try (var out = Files.newBufferedWriter(results.resolve("environment.properties"), StandardCharsets.UTF_8)) {
            environment.store(out, "fltkit conformance run");
        }
    }

    static void writeExecutor(Path results, RunInfo run) throws IOException {
        ObjectNode executor = JSON.createObjectNode();
        executor.put("name", "fltkit " + run.kitVersion() + " (" + run.kitCommit() + ")");
        executor.put("type", "fltkit");
        executor.put("buildName", run.implementation() + " " + run.implementationVersion() + " on "
                + String.join(", ", run.profiles()) + (run.partial() ? " (PARTIAL)" : ""));
        executor.put("reportName", "Filter Manager context conformance");
        JSON.writerWithDefaultPrettyPrinter().writeValue(results.resolve("executor.json").toFile(), executor);
    }
}
