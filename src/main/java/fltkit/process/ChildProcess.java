package fltkit.process;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running implementation process: requests go to its stdin, one JSON object per line; answers come
 * from its stdout the same way. The command is an argument list started without a shell. Anything out
 * of protocol (no answer in time, the process gone, a line that is not JSON, an answer to another
 * request, an answer the protocol schema refuses) kills the process and throws
 * {@link ProcessImplementationException}; the provider starts a new one for the next scenario.
 */
final class ChildProcess {
    private static final String END_OF_OUTPUT = "\u0000end-of-output";
    private static final int STDERR_TAIL_CHARS = 2000;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fltkit process watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final List<String> command;
    private final Duration timeout;
    private final ObjectMapper json;
    private final ProtocolSchema schema;
    private final Process process;
    private final OutputStream stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderrTail = new StringBuilder();
    private long nextId = 1;
    private volatile boolean dead;
    /** Where every request and answer is appended when {@value ProcessProvider#TRACE} names a file; else null. */
    private final Path trace = KitSettings.get(ProcessProvider.TRACE).map(Path::of).orElse(null);

    private ChildProcess(List<String> command, Duration timeout, ObjectMapper json) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.json = json;
        this.schema = ProtocolSchema.get();
        try {
            this.process = new ProcessBuilder(this.command).start();
        } catch (IOException e) {
            throw new KitConfigurationException("cannot start the implementation process " + this.command + ": "
                    + e.getMessage() + ". Set " + ProcessProvider.COMMAND
                    + " to a JSON array naming an existing executable and its arguments, e.g. "
                    + "[\"target/c/fltmodel\"] (on the command line: fltkit ... -- target/c/fltmodel)", e);
        }
        this.stdin = process.getOutputStream();
        daemon("stdout of " + command.get(0), () -> pumpLines(process.getInputStream()));
        daemon("stderr of " + command.get(0), () -> pumpStderr(process.getErrorStream()));
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyTree));
    }

    static ChildProcess start(List<String> command, Duration timeout, ObjectMapper json) {
        if (command == null || command.isEmpty()) {
            throw new KitConfigurationException("no implementation command: set " + ProcessProvider.COMMAND
                    + " to a JSON array such as [\"target/c/fltmodel\"]");
        }
        return new ChildProcess(command, timeout, json);
    }

    boolean alive() {
        return !dead && process.isAlive();
    }

    List<String> command() {
        return command;
    }

    /**
     * Sends one request and returns its answer after checking it against the protocol schema. A
     * {@code bugCheck} or {@code error} answer is returned whole for the caller to map (the process stays
     * up); anything out of protocol kills the process and throws.
     */
    JsonNode call(String op, ObjectNode args) {
        JsonNode answer = exchange(op, args);
        validate(op, answer);
        return answer;
    }

    /** Kills the process and throws when the schema refuses its answer to {@code op}. */
    void validate(String op, JsonNode answer) {
        List<String> problems = schema.problems(op, answer);
        if (!problems.isEmpty()) {
            throw kill(op, "answered out of protocol v1 (" + String.join("; ", problems) + "): " + abbreviate(answer.toString()));
        }
    }

    /**
     * Sends one request and returns the answer line as JSON, checked for framing only: one JSON object
     * for this request's id with exactly one of result, bugCheck, error.
     */
    synchronized JsonNode exchange(String op, ObjectNode args) {
        if (!alive()) {
            throw broken(op, "is not running" + exitText());
        }
        long id = nextId++;
        ObjectNode request = json.createObjectNode();
        request.put("id", id);
        request.put("op", op);
        request.set("args", args == null ? json.createObjectNode() : args);
        // A process that stops reading would block a large write forever: the time limit covers writing too.
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(this::destroyTree, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            stdin.write(json.writeValueAsBytes(request));
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw kill(op, "stopped reading its input (" + e.getMessage() + ")" + exitText());
        } finally {
            watchdog.cancel(false);
        }
        traced("> ", request.toString());
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kill(op, "was abandoned: the kit was interrupted while waiting");
        }
        if (line == null) {
            throw kill(op, "did not answer within " + timeout.toMillis() + " ms (setting " + ProcessProvider.TIMEOUT_MS + ")");
        }
        if (line == END_OF_OUTPUT) {
            lines.add(END_OF_OUTPUT);
            throw kill(op, "closed its output without answering" + exitText());
        }
        traced("< ", line);
        JsonNode answer;
        try {
            answer = json.readTree(line);
        } catch (JacksonException e) {
            throw kill(op, "wrote a line that is not JSON (" + e.getOriginalMessage() + "): " + abbreviate(line));
        }
        if (answer == null || !answer.isObject()) {
            throw kill(op, "wrote a line that is not a JSON object: " + abbreviate(line));
        }
        JsonNode answeredId = answer.get("id");
        if (answeredId == null || !answeredId.isIntegralNumber() || !answeredId.canConvertToLong()) {
            throw kill(op, "answered without an integer 'id' (got " + answeredId + ") while request " + id + " '" + op
                    + "' was waiting: " + abbreviate(line));
        }
        if (answeredId.longValue() != id) {
            throw kill(op, "answered with 'id' " + answeredId.longValue() + " while request " + id + " '" + op + "' was waiting: "
                    + abbreviate(line));
        }
        int members = (answer.has("result") ? 1 : 0) + (answer.has("bugCheck") ? 1 : 0) + (answer.has("error") ? 1 : 0);
        if (members != 1) {
            throw kill(op, "answered out of protocol (an answer has exactly one of 'result', 'bugCheck', 'error'): "
                    + abbreviate(line));
        }
        return answer;
    }

    /** Ends the process: politely if it is healthy, forcibly otherwise. */
    void stop() {
        dead = true;
        try {
            stdin.close();
        } catch (IOException ignored) {
            // it is going anyway
        }
        try {
            if (!process.waitFor(500, TimeUnit.MILLISECONDS)) {
                destroyTree();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree();
        }
    }

    /** Marks the process broken, kills it, and builds the exception that reports it. */
    ProcessImplementationException kill(String op, String what) {
        dead = true;
        destroyTree();
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return broken(op, what);
    }

    /** Kills the process and whatever it started (they could hold its pipes open). */
    private void destroyTree() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    ProcessImplementationException broken(String op, String what) {
        return new ProcessImplementationException("the implementation process " + command + " " + what
                + " (request '" + op + "'); it is restarted for the next scenario. stderr tail: "
                + stderrTail());
    }

    String stderrTail() {
        synchronized (stderrTail) {
            return stderrTail.length() == 0 ? "(empty)" : stderrTail.toString().strip();
        }
    }

    private String exitText() {
        try {
            if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                return " (exit code " + process.exitValue() + ")";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "";
    }

    private void pumpLines(InputStream out) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    lines.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process went away; END_OF_OUTPUT below says so
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    private void pumpStderr(InputStream err) {
        byte[] buffer = new byte[1024];
        try {
            int read;
            while ((read = err.read(buffer)) >= 0) {
                synchronized (stderrTail) {
                    stderrTail.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    if (stderrTail.length() > STDERR_TAIL_CHARS) {
                        stderrTail.delete(0, stderrTail.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException ignored) {
            // nothing more to keep
        }
    }

    private void traced(String direction, String line) {
        if (trace == null) {
            return;
        }
        try {
            Files.writeString(trace, process.pid() + " " + direction + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new KitConfigurationException("cannot append to the protocol trace " + trace + " (" + ProcessProvider.TRACE
                    + "): " + e.getMessage(), e);
        }
    }

    static String abbreviate(String line) {
        return line.length() > 200 ? line.substring(0, 200) + "... (" + line.length() + " characters)" : line;
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}
