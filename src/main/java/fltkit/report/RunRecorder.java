package fltkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.rules.KitCheck;
import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleEntry;
import fltkit.rules.RuleId;
import fltkit.rules.Tags;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EmbedEvent;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestSourceRead;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cucumber plugin that records, straight from the run's events, what the reports are built from: the rules
 * of the feature sources and how every scenario ended. This is the one place a scenario's outcome is
 * decided; every report and count is derived from it. The plugin is named with a key
 * ({@code fltkit.report.RunRecorder:<key>}) under which the launcher finds what it recorded ({@link #take}).
 */
public final class RunRecorder implements ConcurrentEventListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, RunRecorder> BY_KEY = new ConcurrentHashMap<>();
    /** The name of the attachment that lists a scenario's calls into the implementation, one per line. */
    public static final String CALL_TRACE = "calls made to ";

    private final String key;
    private final List<RuleEntry> rules = Collections.synchronizedList(new ArrayList<>());
    private final List<ScenarioRun> scenarios = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, List<Recorded>> recorded = new ConcurrentHashMap<>();
    private final Map<UUID, ScenarioRun.KitFinding> findings = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> calls = new ConcurrentHashMap<>();

    public RunRecorder(String key) {
        this.key = key;
        BY_KEY.put(key, this);
    }

    /** What the recorder of this key recorded, as the run of {@code profile}; the recorder is forgotten. */
    public static ProfileRun take(String key, String profile) {
        RunRecorder recorder = BY_KEY.remove(key);
        if (recorder == null) {
            return new ProfileRun(profile, List.of(), List.of());
        }
        synchronized (recorder.scenarios) {
            return new ProfileRun(profile, recorder.rules, recorder.scenarios);
        }
    }

    /** What the recorder of this key has recorded so far, as the run of {@code profile}; the recorder stays. */
    public static ProfileRun snapshot(String key, String profile) {
        RunRecorder recorder = BY_KEY.get(key);
        if (recorder == null) {
            return new ProfileRun(profile, List.of(), List.of());
        }
        synchronized (recorder.scenarios) {
            return new ProfileRun(profile, recorder.rules, recorder.scenarios);
        }
    }

    /** What the recorder of this key has recorded so far (for progress lines); empty when there is none. */
    public static List<ScenarioRun> peek(String key) {
        RunRecorder recorder = BY_KEY.get(key);
        if (recorder == null) {
            return List.of();
        }
        synchronized (recorder.scenarios) {
            return List.copyOf(recorder.scenarios);
        }
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestSourceRead.class, this::source);
        publisher.registerHandlerFor(EmbedEvent.class, this::attachment);
        publisher.registerHandlerFor(TestCaseFinished.class, this::finished);
    }

    private void source(TestSourceRead read) {
        String uri = read.getUri().toString();
        String name = uri.substring(uri.lastIndexOf('/') + 1);
        try {
            RuleCatalog.parse(name, new ByteArrayInputStream(read.getSource().getBytes(StandardCharsets.UTF_8)), rules,
                    new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void attachment(EmbedEvent embed) {
        UUID testCase = embed.getTestCase().getId();
        if (Recorded.MEDIA_TYPE.equals(embed.getMediaType())) {
            JsonNode value = json(embed.getData());
            recorded.computeIfAbsent(testCase, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Recorded(value.path("what").asText(), value.path("value").asText()));
        } else if ("text/plain".equals(embed.getMediaType()) && embed.getName() != null
                && embed.getName().startsWith(CALL_TRACE)) {
            calls.put(testCase, (int) new String(embed.getData(), StandardCharsets.UTF_8).lines().count());
        } else if (KitCheck.MEDIA_TYPE.equals(embed.getMediaType())) {
            JsonNode finding = json(embed.getData());
            findings.put(testCase, new ScenarioRun.KitFinding(finding.path("check").asText(), finding.path("message").asText()));
        }
    }

    private void finished(TestCaseFinished event) {
        TestCase testCase = event.getTestCase();
        List<Recorded> values = recorded.getOrDefault(testCase.getId(), List.of());
        Result result = event.getResult();
        Outcome outcome = outcome(result, level(testCase), !values.isEmpty());
        String uri = testCase.getUri().toString();
        scenarios.add(new ScenarioRun(RuleId.of(testCase.getName()), testCase.getName(), uri.substring(uri.lastIndexOf('/') + 1),
                testCase.getLocation().getLine(), outcome, message(result), values, findings.get(testCase.getId()),
                calls.getOrDefault(testCase.getId(), -1)));
        recorded.remove(testCase.getId());
        findings.remove(testCase.getId());
        calls.remove(testCase.getId());
    }

    /**
     * A thrown error is judged by its type ({@link Outcome#ofThrown}); a skip by its marker; a step missing,
     * ambiguous or pending is the kit's own mistake. A passed scenario of a level that is not judged, which
     * recorded what it came for, is recorded.
     */
    static Outcome outcome(Result result, Level level, boolean recordedValues) {
        Status status = result.getStatus();
        switch (status) {
            case PASSED:
                return recordedValues && !level.judged() ? Outcome.RECORDED : Outcome.PASSED;
            case SKIPPED:
                return Outcome.ofSkip(message(result));
            case FAILED:
                return result.getError() == null ? Outcome.BROKEN : Outcome.ofThrown(result.getError());
            default:
                return Outcome.KIT_ERROR;
        }
    }

    private static Level level(TestCase testCase) {
        for (String tag : testCase.getTags()) {
            Level level = Tags.LEVELS.get(tag);
            if (level != null) {
                return level;
            }
        }
        return Level.MUST;
    }

    private static String message(Result result) {
        Throwable error = result.getError();
        if (error != null) {
            String message = error.getMessage();
            return message == null || message.isBlank() ? error.getClass().getName() : message;
        }
        switch (result.getStatus()) {
            case UNDEFINED:
                return "a step of the scenario has no step definition (the kit's features and glue disagree)";
            case AMBIGUOUS:
                return "a step of the scenario matches several step definitions";
            case PENDING:
                return "a step of the scenario is pending";
            default:
                return null;
        }
    }

    private static JsonNode json(byte[] data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("a kit attachment is not JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "RunRecorder[" + key + "]";
    }
}
