package fltkit.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fltkit.settings.KitConfigurationException;
import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An implementation in any language, run as a child process that speaks the kit's line-delimited JSON
 * protocol (see {@code fltkit/protocol/PROTOCOL.md}). One process serves every scenario: each
 * {@link #create} resets it to a fresh filter manager of the requested Windows version. A process that
 * breaks a scenario is killed and a new one is started (with a new handshake) for the next. Scenarios
 * running in parallel each get a process of their own.
 */
public class ProcessProvider implements FilterManagerProvider {
    /** The command as a JSON array of strings: the executable, then its arguments. */
    public static final String COMMAND = Implementations.PROCESS_COMMAND;
    /** How long the kit waits for each answer, in milliseconds. */
    public static final String TIMEOUT_MS = Implementations.PROCESS_TIMEOUT;
    /** A file every request and answer is appended to (prefixed with the process id and {@code >} or {@code <}), for debugging. */
    public static final String TRACE = "fltkit.process.trace";
    /** The longest line the kit reads from a process, in bytes; a longer one breaks the scenario. */
    public static final String MAX_LINE_BYTES = "fltkit.process.max-line-bytes";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    public static final int PROTOCOL_VERSION = 1;

    private final List<String> command;
    private final Duration timeout;
    private final int maxLineBytes;
    /** Fails closed on JSON that parsers disagree about: a member given twice, anything after the object. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Handshake handshake;
    /** Healthy processes between scenarios; a scenario takes one and gives it back when it closes. */
    private final Deque<ChildProcess> idle = new ArrayDeque<>();
    private final List<ChildProcess> all = new ArrayList<>();
    private int restarts;

    /** The command, time limit and line limit from {@link KitSettings} ({@value #COMMAND}, {@value #TIMEOUT_MS}, {@value #MAX_LINE_BYTES}). */
    public ProcessProvider() {
        this(commandFromSettings(), timeoutFromSettings());
    }

    public ProcessProvider(List<String> command) {
        this(command, timeoutFromSettings());
    }

    public ProcessProvider(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
        this.maxLineBytes = maxLineBytesFromSettings();
        ChildProcess first = ChildProcess.start(this.command, timeout, maxLineBytes, json);
        all.add(first);
        try {
            this.handshake = hello(first);
        } catch (ProcessImplementationException e) {
            throw new KitConfigurationException("the implementation process " + this.command + " did not complete the "
                    + "handshake, so the kit cannot run it: " + e.getMessage(), e);
        }
        idle.add(first);
    }

    @Override
    public ImplementationInfo info() {
        return handshake.info();
    }

    /** The capabilities the process declared in its handshake: the roles every filter manager it serves implements. */
    public Set<Capability> capabilities() {
        return handshake.capabilities();
    }

    @Override
    public Set<WindowsVersion> windowsVersions() {
        return handshake.profiles();
    }

    /** Processes given up on because they broke a scenario (a new one serves the next). */
    public synchronized int restarts() {
        return restarts;
    }

    /**
     * Resets an idle healthy process for the scenario; starts one when there is none (the first time,
     * after a process broke, or when scenarios run in parallel).
     */
    @Override
    public FilterManager create(WindowsVersion version) {
        for (int attempt = 1; ; attempt++) {
            ChildProcess child = take();
            ProcessFilterManager manager = new ProcessFilterManager(child, json, handshake.info().name(), this::giveBack);
            try {
                manager.reset(version);
                return DeclaredRoles.view(manager, handshake.capabilities());
            } catch (ProcessImplementationException e) {
                manager.close();
                // A line written after the previous scenario's last answer broke the reset: not this scenario's fault.
                if (attempt > 1 || !child.brokeOnEarlierRequest()) {
                    throw e;
                }
                System.err.println("fltkit: " + e.getMessage());
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        }
    }

    private synchronized ChildProcess take() {
        while (!idle.isEmpty()) {
            ChildProcess child = idle.poll();
            String unhealthy = child.unhealthy();
            if (unhealthy == null) {
                return child;
            }
            // It misbehaved after the last answer of the scenario it served, which is over: report it, replace it.
            System.err.println("fltkit: the implementation process " + command + " " + unhealthy
                    + " (between scenarios); it is replaced by a new process");
            restarts++;
            child.stop();
            all.remove(child);
        }
        ChildProcess child = ChildProcess.start(command, timeout, maxLineBytes, json);
        all.add(child);
        Handshake again = hello(child);
        if (!again.equals(handshake)) {
            throw child.kill("hello", "introduced itself differently than the first process: " + again + " instead of " + handshake);
        }
        return child;
    }

    /** A scenario is over: a healthy process waits for the next one, a broken one is stopped and counted. */
    synchronized void giveBack(ChildProcess child) {
        if (child.healthy()) {
            idle.push(child);
        } else {
            restarts++;
            child.stop();
            all.remove(child);
        }
    }

    /** Stops every process (the kit also stops them when the JVM exits). */
    public synchronized void shutdown() {
        all.forEach(ChildProcess::stop);
        idle.clear();
    }

    private Handshake hello(ChildProcess process) {
        ObjectNode args = json.createObjectNode();
        args.put("protocol", PROTOCOL_VERSION);
        JsonNode answer = process.exchange("hello", args);
        if (!answer.has("result")) {
            process.kill("hello", "refused the handshake: " + answer);
            throw new KitConfigurationException("the implementation process " + command + " refused the handshake: " + answer);
        }
        JsonNode result = answer.get("result");
        JsonNode protocol = result.path("protocol");
        if (protocol.isIntegralNumber() && !(protocol.canConvertToInt() && protocol.intValue() == PROTOCOL_VERSION)) {
            process.kill("hello", "speaks protocol version " + protocol);
            throw new KitConfigurationException("the implementation process " + command + " speaks protocol version "
                    + protocol + "; this kit speaks version " + PROTOCOL_VERSION);
        }
        try {
            process.validate("hello", answer);
        } catch (ProcessImplementationException e) {
            throw new KitConfigurationException("the implementation process " + command + " sent a handshake that protocol "
                    + "version " + PROTOCOL_VERSION + " does not allow (see fltkit/protocol/PROTOCOL.md): " + e.getMessage(), e);
        }
        try {
            JsonNode implementation = result.path("implementation");
            ImplementationInfo info = new ImplementationInfo(text(implementation, "name"), text(implementation, "version"),
                    text(implementation, "vendor"), text(implementation, "language"));
            Set<WindowsVersion> profiles = EnumSet.noneOf(WindowsVersion.class);
            for (String profile : strings(result.path("profiles"))) {
                profiles.add(WindowsVersion.fromProfile(profile));
            }
            Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
            for (String tag : strings(result.path("capabilities"))) {
                capabilities.add(Capability.fromTag(tag));
            }
            return new Handshake(info, Collections.unmodifiableSet(profiles), Collections.unmodifiableSet(capabilities));
        } catch (IllegalArgumentException e) {
            process.kill("hello", "sent a malformed handshake");
            throw new KitConfigurationException("the implementation process " + command + " sent a malformed handshake ("
                    + e.getMessage() + "): " + result, e);
        }
    }

    private static List<String> strings(JsonNode node) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("expected an array of strings, got " + node);
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new IllegalArgumentException("expected a string, got " + element);
            }
            values.add(element.asText());
        }
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("implementation." + field + " must be a string");
        }
        return value.asText();
    }

    static List<String> commandFromSettings() {
        String text = KitSettings.get(COMMAND).orElseThrow(() -> new KitConfigurationException(
                "the 'process' implementation needs a command: set " + COMMAND + " to a JSON array of strings, e.g. "
                        + "-D" + COMMAND + "='[\"target/c/fltmodel\"]' (or pass it after -- on the command line)"));
        try {
            List<String> command = new ObjectMapper().readValue(text, new TypeReference<List<String>>() { });
            if (command == null || command.isEmpty() || command.stream().anyMatch(s -> s == null || s.isEmpty())) {
                throw new KitConfigurationException(COMMAND + " must be a non-empty JSON array of non-empty strings, got " + text);
            }
            return command;
        } catch (JsonProcessingException e) {
            throw new KitConfigurationException(COMMAND + " must be a JSON array of strings such as [\"target/c/fltmodel\"], got "
                    + text + " (" + e.getOriginalMessage() + ")", e);
        }
    }

    static Duration timeoutFromSettings() {
        String text = KitSettings.get(TIMEOUT_MS).orElse(null);
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            long millis = Long.parseLong(text);
            if (millis <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException e) {
            throw new KitConfigurationException(TIMEOUT_MS + " must be a positive number of milliseconds, got '" + text + "'", e);
        }
    }

    static int maxLineBytesFromSettings() {
        String text = KitSettings.get(MAX_LINE_BYTES).orElse(null);
        if (text == null) {
            return DEFAULT_MAX_LINE_BYTES;
        }
        try {
            int bytes = Integer.parseInt(text);
            if (bytes <= 0) {
                throw new NumberFormatException("not positive");
            }
            return bytes;
        } catch (NumberFormatException e) {
            throw new KitConfigurationException(MAX_LINE_BYTES + " must be a positive number of bytes (at most "
                    + Integer.MAX_VALUE + "), got '" + text + "'", e);
        }
    }

    /** What the process said about itself in its hello answer. */
    record Handshake(ImplementationInfo info, Set<WindowsVersion> profiles, Set<Capability> capabilities) {
    }
}
