package fltkit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fltkit.rules.Outcome;
import fltkit.rules.Recorded;
import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleEntry;
import fltkit.rules.RuleId;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one profile's Cucumber messages (NDJSON): the rules of the feature sources the run saw, and
 * the outcome of every scenario that ran, with its failure message and recorded values.
 */
final class CucumberMessages {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<RuleEntry> rules = new ArrayList<>();
    final List<ScenarioResult> scenarios = new ArrayList<>();

    private final Map<String, String> pickleNames = new HashMap<>();
    private final Map<String, String> testCasePickle = new HashMap<>();
    private final Map<String, String> startedTestCase = new LinkedHashMap<>();
    private final Map<String, List<JsonNode>> stepResults = new HashMap<>();
    private final Map<String, List<Recorded>> recorded = new HashMap<>();

    static CucumberMessages read(Path ndjson) throws IOException {
        CucumberMessages messages = new CucumberMessages();
        for (String line : Files.readAllLines(ndjson, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                messages.accept(JSON.readTree(line));
            }
        }
        messages.finish();
        return messages;
    }

    private void accept(JsonNode envelope) throws IOException {
        if (envelope.has("source")) {
            JsonNode source = envelope.get("source");
            String uri = source.get("uri").asText();
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            RuleCatalog.parse(name, new ByteArrayInputStream(source.get("data").asText().getBytes(StandardCharsets.UTF_8)),
                    rules, new ArrayList<>());
        } else if (envelope.has("pickle")) {
            JsonNode pickle = envelope.get("pickle");
            pickleNames.put(pickle.get("id").asText(), pickle.get("name").asText());
        } else if (envelope.has("testCase")) {
            JsonNode testCase = envelope.get("testCase");
            testCasePickle.put(testCase.get("id").asText(), testCase.get("pickleId").asText());
        } else if (envelope.has("testCaseStarted")) {
            JsonNode started = envelope.get("testCaseStarted");
            // A retried test case: only the last attempt counts.
            String testCase = started.get("testCaseId").asText();
            startedTestCase.values().remove(testCase);
            startedTestCase.put(started.get("id").asText(), testCase);
        } else if (envelope.has("testStepFinished")) {
            JsonNode finished = envelope.get("testStepFinished");
            stepResults.computeIfAbsent(finished.get("testCaseStartedId").asText(), k -> new ArrayList<>())
                    .add(finished.get("testStepResult"));
        } else if (envelope.has("attachment")) {
            JsonNode attachment = envelope.get("attachment");
            if (Recorded.MEDIA_TYPE.equals(attachment.path("mediaType").asText()) && attachment.has("testCaseStartedId")) {
                String body = attachment.get("body").asText();
                if ("BASE64".equals(attachment.path("contentEncoding").asText())) {
                    body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
                }
                JsonNode value = JSON.readTree(body);
                recorded.computeIfAbsent(attachment.get("testCaseStartedId").asText(), k -> new ArrayList<>())
                        .add(new Recorded(value.path("what").asText(), value.path("value").asText()));
            }
        }
    }

    private void finish() {
        for (Map.Entry<String, String> started : startedTestCase.entrySet()) {
            String name = pickleNames.getOrDefault(testCasePickle.get(started.getValue()), "?");
            List<Recorded> values = recorded.getOrDefault(started.getKey(), List.of());
            List<JsonNode> steps = stepResults.getOrDefault(started.getKey(), List.of());
            JsonNode worst = null;
            for (JsonNode step : steps) {
                String status = step.path("status").asText();
                if (!status.equals("PASSED") && !status.equals("SKIPPED") && worst == null) {
                    worst = step;
                }
            }
            Outcome outcome;
            String message = null;
            if (worst != null) {
                message = text(worst);
                outcome = isAssertion(worst) ? Outcome.FAILED : Outcome.BROKEN;
            } else {
                JsonNode skip = steps.stream().filter(s -> s.path("status").asText().equals("SKIPPED")
                        && !text(s).isEmpty()).findFirst().orElse(null);
                if (skip != null) {
                    message = text(skip);
                    outcome = Outcome.ofSkip(message);
                } else {
                    outcome = values.isEmpty() ? Outcome.PASSED : Outcome.RECORDED;
                }
            }
            scenarios.add(new ScenarioResult(RuleId.of(name), name, outcome, message, values));
        }
    }

    private static String text(JsonNode result) {
        JsonNode exception = result.path("exception");
        if (exception.has("message")) {
            return exception.get("message").asText();
        }
        String message = result.path("message").asText("");
        int firstLine = message.indexOf("\n\tat ");
        return firstLine > 0 ? message.substring(0, firstLine) : message;
    }

    private static boolean isAssertion(JsonNode result) {
        String type = result.path("exception").path("type").asText("");
        if (type.isEmpty()) {
            String message = result.path("message").asText("");
            type = message.contains(":") ? message.substring(0, message.indexOf(':')).trim() : "";
        }
        try {
            return AssertionError.class.isAssignableFrom(Class.forName(type, false, CucumberMessages.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return type.endsWith("AssertionError") || type.endsWith("AssertionFailedError");
        }
    }
}
