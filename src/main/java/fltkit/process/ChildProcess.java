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
 * Everything the process writes is data. The thread making a request reads the answer from stdout itself
 * (no reader thread to hand it over: on a small machine each hand-off between threads costs a wake-up), as
 * bytes, a line at a time up to the line limit; the kit holds at most one line and one read's bytes, and
 * the process blocks on a full pipe when it writes more. Bytes the process wrote without being asked (after
 * an answer, before the next request) are found before the next request is sent and between scenarios, and
 * are charged to the request whose answer they followed. Anything out of protocol (no answer in time, the
 * process gone, a line too long, not UTF-8 or not JSON, an answer to another request, an answer the schema
 * refuses) kills the process and its descendants and throws {@link ProcessImplementationException}; the
 * provider starts a new one for the next scenario.
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
    /** How often the watchdog looks for a write to stdin, or a wait for an answer, past the time limit. */
    private static final Duration IO_POLL = Duration.ofMillis(50);
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
        WATCHDOG.scheduleWithFixedDelay(() -> LIVE.forEach(ChildProcess::endStuckIo),
                IO_POLL.toMillis(), IO_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final List<String> command;
    private final Duration timeout;
    private final int maxLineBytes;
    private final ObjectMapper json;
    private final ProtocolSchema schema;
    private final Process process;
    private final OutputStream stdin;
    private final InputStream stdout;
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
    /** The same for the wait for an answer on stdout; the watchdog kills the process when it passes. */
    private volatile long readDeadline;
    /** Why the watchdog ended the wait for an answer (the process was killed), or null. */
    private volatile String readAbort;
    /** Set a moment after the child exited (a descendant may hold its stdout open). */
    private volatile boolean exited;
    private volatile boolean dead;
    /** Set when the process broke on a line that belongs to a request before the one being made. */
    private volatile boolean brokeOnEarlierRequest;

    // What the process wrote to stdout and the kit has not yet taken; guarded by this object, as exchange() is.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk;
    private int chunkStart;
    private int chunkEnd;
    /** The line being read: never longer than the line limit. */
    private byte[] line;
    private int lineLength;
    /** The request last sent, for bytes that arrive after its answer: "request 4 'allocateContext'". */
    private String lastRequest = "the handshake";
    private String lastOp = "hello";
    private long lastId;
    /** The first thing out of protocol seen on stdout: charged to the request it followed. */
    private Stray stray;

    /** A line out of protocol, charged to the request it followed. */
    private record Stray(long id, String op, String what) {
    }

    private ChildProcess(List<String> command, Duration timeout, int maxLineBytes, ObjectMapper json) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxLineBytes = maxLineBytes;
        this.json = json;
        this.schema = ProtocolSchema.get();
        this.chunk = new byte[Math.min(READ_CHUNK, maxLineBytes + 1)];
        this.line = new byte[Math.min(1024, maxLineBytes)];
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
        this.stdout = process.getInputStream();
        daemon("stderr of " + command.get(0), () -> stderr.pump(process.getErrorStream()));
        // A descendant can keep stdout open after the child exited: the exit itself ends the wait for an answer.
        process.onExit().thenRun(() -> WATCHDOG.schedule(() -> {
            exited = true;
            if (readDeadline != 0) {
                readAbort = "exited without answering";
                destroyTree();
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
     * its last answer (a line nobody asked for, exiting). A process that only closed its stdout is found at its
     * next request, which it cannot answer.
     */
    synchronized String unhealthy() {
        if (dead) {
            return "was given up";
        }
        Stray seen = unasked(true);
        if (seen != null) {
            return seen.what();
        }
        if (exited || !process.isAlive()) {
            return "exited after its answer to " + lastRequest;
        }
        return null;
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
        throwIfStray(nextId, true);
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
        lastRequest = "request " + id + " '" + op + "'";
        lastOp = op;
        lastId = id;
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
        String line = readAnswer(op);
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
        throwIfStray(id, false);
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

    /**
     * Breaks on anything the process wrote without being asked, charging the request it followed: before a request
     * (what waits in the pipe too), and after its answer (what came in the same read).
     */
    private void throwIfStray(long current, boolean poll) {
        Stray seen = unasked(poll);
        if (seen != null) {
            brokeOnEarlierRequest = seen.id() != current;
            throw kill(seen.op(), seen.what());
        }
    }

    /**
     * Reads stdout until the answer's line is complete, on this thread, under the time limit (the watchdog kills
     * the process when it passes, which ends the read). Blank lines are skipped.
     */
    private String readAnswer(String op) {
        readAbort = null;
        readDeadline = Math.max(1, System.nanoTime() + timeout.toNanos());
        try {
            while (true) {
                String text;
                try {
                    text = takeLine(" answering ");
                } catch (LineProblem e) {
                    throw kill(op, e.getMessage());
                }
                if (text != null) {
                    if (!text.isBlank()) {
                        return text;
                    }
                    continue;
                }
                int read;
                try {
                    read = stdout.read(chunk, 0, chunk.length);
                } catch (IOException e) {
                    read = -1;   // the process went away; said below
                }
                if (read < 0) {
                    String why = readAbort;
                    if (why == null) {
                        why = exitedWithin(EXIT_GRACE) ? "exited without answering" : "closed its output without answering";
                    }
                    throw kill(op, why + exitText());
                }
                chunkStart = 0;
                chunkEnd = read;
            }
        } finally {
            readDeadline = 0;
        }
    }

    /** A line out of protocol on stdout: too long, or not UTF-8; the message says which, starting "wrote". */
    private static final class LineProblem extends Exception {
        LineProblem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The next complete line of what was read (null when none is complete yet), decoded ({@code where}: " answering "
     * or " after its answer to ", for the message of a line out of protocol).
     */
    private String takeLine(String where) throws LineProblem {
        for (int i = chunkStart; i < chunkEnd; i++) {
            if (chunk[i] == '\n') {
                appendToLine(where, i - chunkStart);
                chunkStart = i + 1;
                String text = decode(utf8, line, lineLength);
                if (text == null) {
                    String shown = new String(line, 0, Math.min(lineLength, 200), StandardCharsets.UTF_8);
                    lineLength = 0;
                    throw new LineProblem("wrote a line that is not UTF-8" + where + lastRequest + ": " + shown);
                }
                lineLength = 0;
                return text;
            }
        }
        appendToLine(where, chunkEnd - chunkStart);
        chunkStart = chunkEnd;
        return null;
    }

    /** Moves {@code count} bytes of the read into the line, which never grows past the line limit. */
    private void appendToLine(String where, int count) throws LineProblem {
        if (lineLength + count > maxLineBytes) {
            long bytes = (long) lineLength + count;
            lineLength = 0;
            chunkStart = chunkEnd;
            throw new LineProblem("wrote a line longer than " + maxLineBytes + " bytes (" + bytes + " bytes and no newline yet; "
                    + "setting " + ProcessProvider.MAX_LINE_BYTES + ")" + where + lastRequest);
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(lineLength + count, 2L * line.length)));
        }
        System.arraycopy(chunk, chunkStart, line, lineLength, count);
        lineLength += count;
    }

    /**
     * What the process wrote since its last answer without being asked, read without waiting: the bytes of the
     * last read, and with {@code poll} what waits in the pipe too. The first such line (or part of one) becomes a
     * stray charged to the last request; null when there is none.
     */
    private Stray unasked(boolean poll) {
        if (stray != null || dead) {
            return stray;
        }
        String request = lastRequest;
        String charged = lastId == 0 ? "wrote a line before the first request" : "wrote a line after its answer to " + request
                + ", with no request outstanding";
        try {
            while (true) {
                String text;
                try {
                    text = takeLine(" after its answer to ");
                } catch (LineProblem e) {
                    stray = new Stray(lastId, lastOp, e.getMessage());
                    return stray;
                }
                if (text != null) {
                    if (!text.isBlank()) {
                        stray = new Stray(lastId, lastOp, charged + ": " + abbreviate(text));
                        return stray;
                    }
                    continue;
                }
                int waiting = poll ? stdout.available() : 0;
                if (waiting <= 0) {
                    break;
                }
                int read = stdout.read(chunk, 0, Math.min(waiting, chunk.length));
                if (read < 0) {
                    break;
                }
                chunkStart = 0;
                chunkEnd = read;
            }
        } catch (IOException e) {
            // the process went away: its next request says so
        }
        if (lineLength > 0) {   // part of a line, and nothing asked for it
            String part = new String(line, 0, Math.min(lineLength, 200), StandardCharsets.UTF_8);
            if (!part.isBlank()) {
                stray = new Stray(lastId, lastOp, charged + ": " + abbreviate(part) + " (no newline yet)");
                return stray;
            }
        }
        return null;
    }

    private boolean exitedWithin(Duration grace) {
        try {
            return process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
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

    /**
     * Kills a process whose stdin has not taken the request under way within the time limit, or that has not
     * answered within it; the thread waiting on the pipe then sees it closed.
     */
    private void endStuckIo() {
        long now = System.nanoTime();
        long write = writeDeadline;
        if (write != 0 && now - write > 0) {
            destroyTree();
        }
        long read = readDeadline;
        if (read != 0 && now - read > 0) {
            readAbort = "did not answer within " + timeout.toMillis() + " ms (setting " + ProcessProvider.TIMEOUT_MS + ")";
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
