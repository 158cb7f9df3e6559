package fltkit.process;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.KitSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One running implementation process: requests go to its stdin, one JSON object per line; answers come
 * from its stdout the same way. The command is an argument list started without a shell.
 * <p>
 * Everything the process writes is data. Its stdout is read as bytes, a line at a time up to the
 * line limit, and at most one line is held unread: the answer to the one request outstanding. A line
 * that arrives when no request is outstanding, or a second one before the first was read, is out of
 * protocol and is charged to the request whose answer it followed. Anything out of protocol (no answer
 * in time, the process gone, a line too long, not UTF-8 or not JSON, an answer to another request, an
 * answer the schema refuses) kills the process and its descendants and throws
 * {@link ProcessImplementationException}; the provider starts a new one for the next scenario.
 * <p>
 * The kit ends the whole tree it started: the child, the descendants seen below it while it lived
 * (polled in the background, and at every stop), and on Linux every process that still carries the
 * child's {@value #TOKEN_VARIABLE} in its environment, which reaches descendants that were re-parented
 * after the child exited.
 */
final class ChildProcess {
    /** The environment variable every process started for one child carries, with a value unique to that child. */
    static final String TOKEN_VARIABLE = "FLTKIT_PROCESS_TOKEN";
    /** How long the kit still reads output after the child exited before it gives up on the answer. */
    static final Duration EXIT_GRACE = Duration.ofMillis(250);
    /** The stderr tail kept for messages, in bytes. */
    static final int STDERR_TAIL_BYTES = 4096;
    private static final int READ_CHUNK = 64 * 1024;
    private static final int RECENT_REQUESTS = 64;
    private static final Duration DESCENDANT_POLL = Duration.ofMillis(250);
    /** How often the watchdog looks for a write to stdin that has taken longer than the time limit. */
    private static final Duration WRITE_POLL = Duration.ofMillis(50);
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fltkit process watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ChildProcess::destroyTree), "fltkit process reaper"));
        WATCHDOG.scheduleWithFixedDelay(() -> LIVE.forEach(ChildProcess::recordDescendants),
                DESCENDANT_POLL.toMillis(), DESCENDANT_POLL.toMillis(), TimeUnit.MILLISECONDS);
        WATCHDOG.scheduleWithFixedDelay(() -> LIVE.forEach(ChildProcess::endStuckWrite),
                WRITE_POLL.toMillis(), WRITE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final List<String> command;
    private final Duration timeout;
    private final int maxLineBytes;
    private final ObjectMapper json;
    private final ProtocolSchema schema;
    private final Process process;
    private final OutputStream stdin;
    private final String token = UUID.randomUUID().toString();
    /** Every descendant seen while the child lived: they could hold its pipes, and outlive it. */
    private final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();
    private final StderrTail stderr = new StderrTail(STDERR_TAIL_BYTES);
    private final long[] recentIds = new long[RECENT_REQUESTS];
    private final String[] recentOps = new String[RECENT_REQUESTS];
    /** Where every request and answer is appended when {@value ProcessProvider#TRACE} names a file; else null. */
    private final Path trace = KitSettings.get(ProcessProvider.TRACE).map(Path::of).orElse(null);
    private long nextId = 1;
    /**
     * When the write of the request under way must have finished ({@link System#nanoTime()}), or 0 while none is:
     * the watchdog polls it, so a call costs one volatile write here instead of a task scheduled and cancelled.
     */
    private volatile long writeDeadline;
    private volatile boolean dead;
    /** Set when the process broke on a line that belongs to a request before the one being made. */
    private volatile boolean brokeOnEarlierRequest;

    // The inbox, shared with the stdout reader; guarded by itself.
    private final Object inbox = new Object();
    /** The request whose answer is awaited (0: none); the reader clears it when the answer line arrives. */
    private long awaited;
    /** The request last sent, for a line that arrives after its answer: "request 4 'allocateContext'". */
    private String lastRequest = "the handshake";
    private String lastOp = "hello";
    private long lastId;
    private String answer;
    /** The first line out of protocol: a stray, too long, not UTF-8; the reader stops at it. */
    private Stray stray;
    private boolean endOfOutput;
    private boolean exited;

    /** A line out of protocol, charged to the request it followed. */
    private record Stray(long id, String op, String what) {
    }

    private ChildProcess(List<String> command, Duration timeout, int maxLineBytes, ObjectMapper json) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxLineBytes = maxLineBytes;
        this.json = json;
        this.schema = ProtocolSchema.get();
        ProcessBuilder builder = new ProcessBuilder(this.command);
        builder.environment().put(TOKEN_VARIABLE, token);
        try {
            this.process = builder.start();
        } catch (IOException e) {
            throw new KitConfigurationException("cannot start the implementation process " + this.command + ": "
                    + e.getMessage() + ". Set " + ProcessProvider.COMMAND
                    + " to a JSON array naming an existing executable and its arguments, e.g. "
                    + "[\"target/c/fltmodel\"] (on the command line: fltkit ... -- target/c/fltmodel)", e);
        }
        LIVE.add(this);
        this.stdin = process.getOutputStream();
        daemon("stdout of " + command.get(0), () -> pumpLines(process.getInputStream()));
        daemon("stderr of " + command.get(0), () -> stderr.pump(process.getErrorStream()));
        // A descendant can keep stdout open after the child exited: the exit itself ends the wait for an answer.
        process.onExit().thenRun(() -> WATCHDOG.schedule(() -> {
            synchronized (inbox) {
                exited = true;
                inbox.notifyAll();
            }
        }, EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS));
    }

    static ChildProcess start(List<String> command, Duration timeout, int maxLineBytes, ObjectMapper json) {
        if (command == null || command.isEmpty()) {
            throw new KitConfigurationException("no implementation command: set " + ProcessProvider.COMMAND
                    + " to a JSON array such as [\"target/c/fltmodel\"]");
        }
        return new ChildProcess(command, timeout, maxLineBytes, json);
    }

    boolean alive() {
        return !dead && process.isAlive();
    }

    /** Alive, still reading and writing, and wrote nothing it was not asked for. */
    boolean healthy() {
        return unhealthy() == null;
    }

    /**
     * Why the process cannot serve another request, or null: between scenarios this is what it did after
     * its last answer (a line nobody asked for, closing its output, exiting).
     */
    String unhealthy() {
        synchronized (inbox) {
            if (stray != null) {
                return stray.what();
            }
            if (dead) {
                return "was given up";
            }
            if (endOfOutput || exited || !process.isAlive()) {
                return (process.isAlive() ? "closed its output" : "exited") + " after its answer to " + lastRequest;
            }
            return null;
        }
    }

    /** True when the last failure was charged to a request before the one being made (a late line). */
    boolean brokeOnEarlierRequest() {
        return brokeOnEarlierRequest;
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
        brokeOnEarlierRequest = false;
        if (!alive()) {
            throw kill(op, "is not running" + exitText());
        }
        throwIfStray(nextId);
        long id = nextId++;
        recentIds[(int) (id % RECENT_REQUESTS)] = id;
        recentOps[(int) (id % RECENT_REQUESTS)] = op;
        ObjectNode request = json.createObjectNode();
        request.put("id", id);
        request.put("op", op);
        request.set("args", args == null ? json.createObjectNode() : args);
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(request);
        } catch (JacksonException e) {
            throw new IllegalStateException("the kit cannot write its own request " + op + ": " + e.getMessage(), e);
        }
        synchronized (inbox) {
            awaited = id;
            lastRequest = "request " + id + " '" + op + "'";
            lastOp = op;
            lastId = id;
        }
        // A process that stops reading would block a large write forever: the time limit covers writing too.
        writeDeadline = Math.max(1, System.nanoTime() + timeout.toNanos());
        try {
            stdin.write(bytes);
            stdin.write('\n');
            stdin.flush();
        } catch (IOException e) {
            throw kill(op, "stopped reading its input (" + e.getMessage() + ")" + exitText());
        } finally {
            writeDeadline = 0;
        }
        traced("> ", new String(bytes, StandardCharsets.UTF_8));
        String line = awaitAnswer(op, id);
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
        long got = answeredId.longValue();
        if (got != id) {
            String earlier = earlierOp(got, id);
            if (earlier != null) {
                brokeOnEarlierRequest = true;
                throw kill(earlier, "wrote a second answer to request " + got + " '" + earlier + "' (read while request " + id
                        + " '" + op + "' was waiting): " + abbreviate(line));
            }
            throw kill(op, "answered with 'id' " + got + " while request " + id + " '" + op + "' was waiting: " + abbreviate(line));
        }
        int members = (answer.has("result") ? 1 : 0) + (answer.has("bugCheck") ? 1 : 0) + (answer.has("error") ? 1 : 0);
        if (members != 1) {
            throw kill(op, "answered out of protocol (an answer has exactly one of 'result', 'bugCheck', 'error'): "
                    + abbreviate(line));
        }
        throwIfStray(id);
        return answer;
    }

    /** The op of an earlier request with this id that the kit still remembers, or null. */
    private String earlierOp(long got, long current) {
        if (got <= 0 || got >= current || current - got >= RECENT_REQUESTS) {
            return null;
        }
        int slot = (int) (got % RECENT_REQUESTS);
        return recentIds[slot] == got ? recentOps[slot] : null;
    }

    /** Breaks on a line the process wrote without being asked, charging the request it followed. */
    private void throwIfStray(long current) {
        Stray seen;
        synchronized (inbox) {
            seen = stray;
        }
        if (seen != null) {
            brokeOnEarlierRequest = seen.id() != current;
            throw kill(seen.op(), seen.what());
        }
    }

    private String awaitAnswer(String op, long id) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String failure;
        synchronized (inbox) {
            while (true) {
                if (answer != null) {
                    String line = answer;
                    answer = null;
                    return line;
                }
                if (stray != null) {
                    failure = null;
                    break;
                }
                if (endOfOutput) {
                    failure = "closed its output without answering";
                    break;
                }
                if (exited) {
                    failure = "exited without answering";
                    break;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    failure = "did not answer within " + timeout.toMillis() + " ms (setting " + ProcessProvider.TIMEOUT_MS + ")";
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(inbox, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = "was abandoned: the kit was interrupted while waiting";
                    break;
                }
            }
            awaited = 0;
        }
        if (failure == null) {
            throwIfStray(id);
        }
        throw kill(op, failure + exitText());
    }

    /** Ends the process and everything it started: politely if it is healthy (stdin closed), forcibly after that. */
    void stop() {
        dead = true;
        recordDescendants();
        try {
            stdin.close();
        } catch (IOException ignored) {
            // it is going anyway
        }
        try {
            process.waitFor(500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        destroyTree();
    }

    /** Marks the process broken, kills it and its descendants, and builds the exception that reports it. */
    ProcessImplementationException kill(String op, String what) {
        dead = true;
        destroyTree();
        return broken(op, what);
    }

    /**
     * Kills the process and whatever it started (they could hold its pipes open, or outlive it): every
     * descendant seen, the ones below it now, and the ones carrying its token.
     */
    private void destroyTree() {
        recordDescendants();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        for (int round = 0; round < 5; round++) {   // a process forking while it is killed leaves a new one behind
            List<ProcessHandle> marked = ProcessTree.carrying(TOKEN_VARIABLE + "=" + token);
            if (marked.isEmpty()) {
                break;
            }
            marked.forEach(ProcessHandle::destroyForcibly);
        }
        try {
            process.waitFor(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(this);
    }

    /** Kills a process whose stdin has not taken the request under way within the time limit. */
    private void endStuckWrite() {
        long deadline = writeDeadline;
        if (deadline != 0 && System.nanoTime() - deadline > 0) {
            destroyTree();
        }
    }

    private void recordDescendants() {
        if (process.isAlive()) {
            process.descendants().forEach(descendants::add);
        }
        descendants.removeIf(handle -> !handle.isAlive());
    }

    ProcessImplementationException broken(String op, String what) {
        return new ProcessImplementationException("the implementation process " + command + " " + what
                + " (request '" + op + "'); it is restarted for the next scenario. stderr tail: " + stderrTail());
    }

    String stderrTail() {
        return stderr.text();
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

    /**
     * Reads stdout as bytes and hands over one line at a time. Memory is bounded by the line limit: a
     * longer line is never built, and the reader stops at the first line out of protocol (the process is
     * condemned; it may block on a full pipe until the kit kills it).
     */
    private void pumpLines(InputStream out) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] chunk = new byte[Math.min(READ_CHUNK, maxLineBytes + 1)];
        byte[] line = new byte[Math.min(1024, maxLineBytes)];
        int length = 0;
        List<String> complete = new ArrayList<>();
        try {
            int read;
            while ((read = out.read(chunk)) >= 0) {
                int start = 0;
                for (int i = 0; i < read; i++) {
                    if (chunk[i] != '\n') {
                        continue;
                    }
                    int segment = i - start;
                    if (length + segment > maxLineBytes) {
                        deliver(complete);
                        tooLong(length + segment);
                        return;
                    }
                    line = append(line, length, chunk, start, segment);
                    length += segment;
                    String text = decode(utf8, line, length);
                    if (text == null) {
                        deliver(complete);
                        notUtf8(line, length);
                        return;
                    }
                    if (!text.isBlank()) {
                        complete.add(text);
                    }
                    length = 0;
                    start = i + 1;
                }
                int rest = read - start;
                if (length + rest > maxLineBytes) {
                    deliver(complete);
                    tooLong(length + rest);
                    return;
                }
                line = append(line, length, chunk, start, rest);
                length += rest;
                // Every line of one read is handed over at once, so a second answer written with the first is seen with it.
                if (!deliver(complete)) {
                    return;
                }
            }
            if (length > 0) {   // a last line without its newline
                String text = decode(utf8, line, length);
                if (text != null && !text.isBlank()) {
                    complete.add(text);
                    deliver(complete);
                }
            }
        } catch (IOException ignored) {
            // the process went away; endOfOutput below says so
        } finally {
            synchronized (inbox) {
                endOfOutput = true;
                inbox.notifyAll();
            }
        }
    }

    /** Hands lines to the inbox; false (and the reader stops) once one of them was out of protocol. */
    private boolean deliver(List<String> lines) {
        if (lines.isEmpty()) {
            return true;
        }
        synchronized (inbox) {
            try {
                for (String text : lines) {
                    if (stray != null) {
                        return false;
                    }
                    if (awaited != 0 && answer == null) {
                        answer = text;
                        awaited = 0;
                    } else {
                        stray = new Stray(lastId, lastOp, (lastId == 0 ? "wrote a line before the first request"
                                : "wrote a line after its answer to " + lastRequest + ", with no request outstanding")
                                + ": " + abbreviate(text));
                    }
                }
                return stray == null;
            } finally {
                lines.clear();
                inbox.notifyAll();
            }
        }
    }

    private void tooLong(long bytes) {
        synchronized (inbox) {
            if (stray == null) {
                stray = new Stray(lastId, lastOp, "wrote a line longer than " + maxLineBytes + " bytes (" + bytes
                        + " bytes and no newline yet; setting " + ProcessProvider.MAX_LINE_BYTES + ")"
                        + (awaited != 0 ? " answering " : " after its answer to ") + lastRequest);
            }
            inbox.notifyAll();
        }
    }

    private void notUtf8(byte[] line, int length) {
        synchronized (inbox) {
            if (stray == null) {
                String shown = new String(line, 0, Math.min(length, 200), StandardCharsets.UTF_8);
                stray = new Stray(lastId, lastOp, "wrote a line that is not UTF-8"
                        + (awaited != 0 ? " answering " : " after its answer to ") + lastRequest + ": " + shown);
            }
            inbox.notifyAll();
        }
    }

    /** Appends to the line buffer, which grows up to the line limit and never past it. */
    private byte[] append(byte[] line, int length, byte[] chunk, int from, int count) {
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(length + count, 2L * line.length)));
        }
        System.arraycopy(chunk, from, line, length, count);
        return line;
    }

    private static String decode(CharsetDecoder utf8, byte[] line, int length) {
        try {
            return utf8.reset().decode(ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            return null;
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

    /** The last bytes the process wrote to stderr, kept in a ring of fixed size. */
    private static final class StderrTail {
        private final byte[] ring;
        private long written;

        StderrTail(int bytes) {
            ring = new byte[bytes];
        }

        void pump(InputStream err) {
            byte[] buffer = new byte[ring.length];   // one read never wraps the ring more than once
            try {
                int read;
                while ((read = err.read(buffer)) >= 0) {
                    synchronized (this) {
                        for (int from = 0; from < read; ) {
                            int at = (int) (written % ring.length);
                            int count = Math.min(read - from, ring.length - at);
                            System.arraycopy(buffer, from, ring, at, count);
                            from += count;
                            written += count;
                        }
                    }
                }
            } catch (IOException ignored) {
                // nothing more to keep
            }
        }

        synchronized String text() {
            int kept = (int) Math.min(written, ring.length);
            if (kept == 0) {
                return "(empty)";
            }
            byte[] bytes = new byte[kept];
            for (int i = 0; i < kept; i++) {
                bytes[i] = ring[(int) ((written - kept + i) % ring.length)];
            }
            int from = 0;
            while (written > kept && from < bytes.length && (bytes[from] & 0xC0) == 0x80) {
                from++;   // the cut fell inside a character
            }
            String text = new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8).strip();
            return (written > kept ? "..." : "") + (text.isEmpty() ? "(blank)" : text);
        }
    }
}
