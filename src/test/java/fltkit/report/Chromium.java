package fltkit.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** What a reader sees: the DOM without scripts, styles and tags, whitespace collapsed. */
    public static String visibleText(String dom) {
        return dom.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<[^>]+>", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").replaceAll("\\s+", " ");
    }

    private static String url(Path page, String fragment) {
        return page.toAbsolutePath().toUri() + (fragment == null ? "" : "#" + fragment);
    }

    /** The browser's command line: headless, with no background networking and a profile of its own. */
    private static List<String> command(Path profile) {
        return new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
    }

    /**
     * Opens {@code page} in a Chromium of its own and keeps it open, so that several views of one page cost one
     * load: the single-file Allure report of a run takes Chromium 10 to 20 s of CPU to load, each time.
     */
    public static Tab open(Path page) throws IOException, InterruptedException {
        return new Tab(page);
    }

    /**
     * One page in one headless Chromium, driven over the DevTools protocol. A view of the page (its fragment,
     * {@code #categories}) is shown as a reader's click shows it: the fragment changes, the page's own scripts
     * draw the view. Like {@code --virtual-time-budget=5000} for a page started with {@code --dump-dom}, every
     * load and every change of fragment is given 5 s of virtual time (timers run, the clock runs ahead when the
     * page is idle) before the DOM is read or the screen captured.
     */
    public static final class Tab implements AutoCloseable {
        private static final long BUDGET_MS = 5000;
        private static final long TIMEOUT_S = 90;
        private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

        /** A DOM of the single-file Allure report is longer than Jackson's default limit for one string (20 MB). */
        private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build()).build());
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<JsonNode>> awaited = new ConcurrentHashMap<>();
        private final Path page;
        private final Path profile;
        private final Process process;
        private final WebSocket socket;
        private final String session;
        private volatile Throwable broken;

        private Tab(Path page) throws IOException, InterruptedException {
            this.page = page;
            profile = Files.createTempDirectory("fltkit-chromium");
            List<String> command = command(profile);
            command.addAll(List.of("--remote-debugging-port=0", "about:blank"));
            process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                CompletableFuture<String> address = new CompletableFuture<>();
                Thread stderr = new Thread(() -> {
                    try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                            Matcher m = LISTENING.matcher(line);
                            if (m.find()) {
                                address.complete(m.group(1));
                            }
                        }
                        address.completeExceptionally(new IOException("chromium ended without a DevTools address"));
                    } catch (IOException e) {
                        address.completeExceptionally(e);
                    }
                }, "chromium-stderr");
                stderr.setDaemon(true);
                stderr.start();
                socket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create(await(address, "the DevTools address")), new Listener()).get(TIMEOUT_S, TimeUnit.SECONDS);
                String target = send(null, "Target.createTarget", Map.of("url", "about:blank")).get("targetId").asText();
                session = send(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true)).get("sessionId").asText();
                send(session, "Page.enable", Map.of());
                CompletableFuture<JsonNode> loaded = expect("Page.loadEventFired");
                send(session, "Page.navigate", Map.of("url", url(page, null)));
                await(loaded, "the load of " + page);
                idle();
            } catch (IOException | InterruptedException | RuntimeException e) {
                close();
                throw e;
            } catch (ExecutionException | TimeoutException e) {
                close();
                throw new IOException("chromium: " + e, e);
            }
        }

        /** Shows the view {@code fragment} (null: the page as it opens) and returns the DOM after its scripts ran. */
        public String dumpDom(String fragment) throws IOException, InterruptedException {
            show(fragment);
            return send(session, "Runtime.evaluate", Map.of("expression", "document.documentElement.outerHTML",
                    "returnByValue", true)).get("result").get("value").asText();
        }

        /** Shows the view {@code fragment} in a window of this size and saves what is on the screen. */
        public void screenshot(String fragment, Path png, int width, int height) throws IOException, InterruptedException {
            Files.createDirectories(png.getParent());
            Files.deleteIfExists(png);
            send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                    "deviceScaleFactor", 1, "mobile", false));
            send(session, "Emulation.setScrollbarsHidden", Map.of("hidden", true));
            try {
                show(fragment);
                String data = send(session, "Page.captureScreenshot", Map.of("format", "png")).get("data").asText();
                Files.write(png, Base64.getDecoder().decode(data));
            } finally {
                send(session, "Emulation.setScrollbarsHidden", Map.of("hidden", false));
                send(session, "Emulation.clearDeviceMetricsOverride", Map.of());
            }
            if (!Files.exists(png)) {
                throw new IOException("chromium wrote no screenshot " + png);
            }
        }

        private void show(String fragment) throws IOException, InterruptedException {
            String wanted = fragment == null ? "" : "#" + fragment;
            String now = send(session, "Runtime.evaluate", Map.of("expression", "location.hash", "returnByValue", true))
                    .get("result").get("value").asText();
            if (!now.equals(wanted) && !(now.isEmpty() && wanted.isEmpty())) {
                send(session, "Runtime.evaluate", Map.of("expression", "location.hash = " + json.writeValueAsString(wanted)));
            }
            idle();
        }

        /** Gives the page {@value #BUDGET_MS} ms of virtual time and waits until it is spent. */
        private void idle() throws IOException, InterruptedException {
            CompletableFuture<JsonNode> spent = expect("Emulation.virtualTimeBudgetExpired");
            send(session, "Emulation.setVirtualTimePolicy", Map.of("policy", "pauseIfNetworkFetchesPending", "budget", BUDGET_MS));
            await(spent, "the virtual time budget on " + page);
        }

        private CompletableFuture<JsonNode> expect(String event) {
            CompletableFuture<JsonNode> seen = new CompletableFuture<>();
            awaited.put(event, seen);
            return seen;
        }

        private JsonNode send(String sessionId, String method, Map<String, ?> params) throws IOException, InterruptedException {
            int id = ids.incrementAndGet();
            ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
            message.set("params", json.valueToTree(params));
            if (sessionId != null) {
                message.put("sessionId", sessionId);
            }
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            answers.put(id, answer);
            try {
                socket.sendText(json.writeValueAsString(message), true).get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("chromium: cannot send " + method + ": " + e, e);
            }
            JsonNode reply = await(answer, method);
            if (reply.has("error")) {
                throw new IOException("chromium answered " + method + " with " + reply.get("error"));
            }
            return reply.get("result");
        }

        private <T> T await(CompletableFuture<T> future, String what) throws IOException, InterruptedException {
            try {
                return future.get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw new IOException("chromium: " + what + ": " + e.getCause(), e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("chromium: no answer to " + what + " within " + TIMEOUT_S + " s" + (broken == null ? "" : " (" + broken + ")"));
            }
        }

        private void received(String text) {
            try {
                JsonNode message = json.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer = answers.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                } else if (message.has("method")) {
                    CompletableFuture<JsonNode> seen = awaited.remove(message.get("method").asText());
                    if (seen != null) {
                        seen.complete(message);
                    }
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        private void fail(Throwable e) {
            broken = e;
            answers.values().forEach(f -> f.completeExceptionally(e));
            awaited.values().forEach(f -> f.completeExceptionally(e));
        }

        /** Closes the browser (and its helper processes) and deletes the profile it used. */
        @Override
        public void close() throws IOException {
            try {
                if (socket != null && broken == null) {
                    try {
                        send(null, "Browser.close", Map.of());
                    } catch (IOException e) {
                        // it is going anyway
                    }
                }
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                // A helper process may still be writing into the profile for a moment after the browser ended.
                for (int attempt = 1; ; attempt++) {
                    try {
                        deleteTree(profile);
                        return;
                    } catch (IOException | java.io.UncheckedIOException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                        Thread.sleep(200);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private final class Listener implements WebSocket.Listener {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                fail(new IOException("chromium closed the DevTools connection: " + statusCode + " " + reason));
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                fail(error);
            }
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
