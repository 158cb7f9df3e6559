package fltkit.report;

import fltkit.rules.ApiArea;
import fltkit.rules.RuleCatalog;
import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.RuleEntry;
import fltkit.rules.RuleId;
import fltkit.rules.Recorded;
import fltkit.settings.KitSettings;
import io.qameta.allure.listener.TestLifecycleListener;
import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.StepResult;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.util.ResultsUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives every Allure result the shape of the specification just before it is written: epic = API
 * area, feature = routine or structure, story = rule (and the same as parent suite / suite / sub-suite,
 * so the Suites tab reads as the spec), severity from the rule's level, the rule ID as a link, the
 * Windows profile as a parameter and in the history and test-case IDs (so five profiles are five
 * results, not retries), and recorded implementation-defined values as a "recorded" tag and message.
 *
 * <p>A listener rather than a Cucumber hook: Allure's runtime API called from a {@code @Before} hook
 * updates the hook's fixture, not the scenario's result. Registered in
 * {@code META-INF/services/io.qameta.allure.listener.TestLifecycleListener}, it applies to every run
 * that writes Allure results (the CLI, Maven and the kit's own suite).
 */
public class ReportLabels implements TestLifecycleListener {
    /** URL of a rule's link; {@code {file}} is the feature file, {@code {id}} the rule ID. */
    public static final String LINK_PATTERN = "fltkit.rule.link.pattern";
    /**
     * The rule's row in the summary page of the same run, relative to {@code allure-report/index.html}: it works
     * wherever the reports folder is copied, unlike a link into the kit's sources.
     */
    public static final String DEFAULT_LINK_PATTERN = "../" + Reports.SUMMARY_HTML + "#rule-{id}";
    private static volatile Map<String, RuleEntry> rules;

    @Override
    public void beforeTestWrite(TestResult result) {
        String name = Optional.ofNullable(result.getName()).orElse("");
        String ruleId = RuleId.at(name).orElse("");
        RuleEntry rule = rules().get(ruleId);
        String profile = KitSettings.profile().profile();

        List<Label> labels = new ArrayList<>(result.getLabels());
        labels.removeIf(l -> List.of("epic", "feature", "story", "parentSuite", "suite", "subSuite", "severity")
                .contains(l.getName()));
        if (rule != null) {
            String area = ApiArea.of(rule).label();
            String story = rule.id() + " " + rule.title();
            labels.add(label("epic", area));
            labels.add(label("feature", rule.feature()));
            labels.add(label("story", story));
            labels.add(label("parentSuite", area));
            labels.add(label("suite", rule.feature()));
            labels.add(label("subSuite", story));
            labels.add(label("severity", severity(rule.level())));
            result.setLinks(new ArrayList<>(result.getLinks()));
            // The description gives the source; the link's name only says where it leads (every result carries it).
            result.getLinks().add(new Link().setType("tms").setName(rule.id() + " in the conformance summary")
                    .setUrl(System.getProperty(LINK_PATTERN, DEFAULT_LINK_PATTERN)
                            .replace("{file}", rule.uri()).replace("{id}", rule.id())));
            result.setDescription(null);
            result.setDescriptionHtml(descriptionHtml(rule));
        }
        labels.add(label("tag", "profile:" + profile));
        result.setLabels(labels);
        result.setParameters(new ArrayList<>(result.getParameters()));
        result.getParameters().add(0, new Parameter().setName("Windows profile").setValue(profile));
        String params = result.getParameters().stream().map(p -> p.getName() + "=" + p.getValue())
                .sorted().collect(Collectors.joining(";"));
        result.setTestCaseId(ResultsUtils.md5(ruleId + "|" + name + "|" + profile));
        result.setHistoryId(ResultsUtils.md5(ruleId + "|" + name + "|" + params + "|" + profile));
        markRecorded(result, rule != null && rule.level().judged());
        escapeDetails(result.getStatusDetails());
        result.getSteps().forEach(ReportLabels::escapeDetails);
    }

    /**
     * Allure's test page shows a message and its trace as HTML, and what the implementation said (its name,
     * an exception's message, a recorded value) is in them: it must reach the page as text.
     */
    private static void escapeDetails(StatusDetails details) {
        if (details != null) {
            details.setMessage(Html.escText(details.getMessage()));
            details.setTrace(Html.escText(details.getTrace()));
        }
    }

    private static void escapeDetails(StepResult step) {
        escapeDetails(step.getStatusDetails());
        step.getSteps().forEach(ReportLabels::escapeDetails);
    }

    /**
     * A passed scenario that recorded values shows them as its message, tagged "recorded". Outside MUST
     * rules the message starts with [recorded], which puts it in the "recorded" category; a MUST rule's
     * scenario was judged, so the values are only shown.
     */
    private static void markRecorded(TestResult result, boolean judged) {
        List<String> values = new ArrayList<>();
        collect(result.getAttachments(), values);
        for (StepResult step : result.getSteps()) {
            collectSteps(step, values);
        }
        if (values.isEmpty()) {
            return;
        }
        result.getLabels().add(label("tag", "recorded"));
        if (result.getStatus() == Status.PASSED) {
            StatusDetails details = Optional.ofNullable(result.getStatusDetails()).orElseGet(StatusDetails::new);
            details.setMessage((judged ? "Recorded on the way: " : Outcome.RECORDED.marker() + " ") + String.join("; ", values));
            result.setStatusDetails(details);
        }
    }

    private static void collectSteps(StepResult step, List<String> values) {
        collect(step.getAttachments(), values);
        for (StepResult child : step.getSteps()) {
            collectSteps(child, values);
        }
    }

    private static void collect(List<Attachment> attachments, List<String> values) {
        for (Attachment attachment : attachments) {
            if (Recorded.MEDIA_TYPE.equals(attachment.getType())) {
                values.add(attachment.getName() + " = " + recordedValue(attachment));
            }
        }
    }

    private static String recordedValue(Attachment attachment) {
        Path file = AllureResults.directory().toPath().resolve(attachment.getSource());
        if (!Files.exists(file)) {
            file = Path.of(System.getProperty("allure.results.directory", "allure-results"), attachment.getSource());
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            Matcher value = Pattern.compile("\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            return value.find() ? value.group(1).replace("\\\"", "\"").replace("\\n", " ").replace("\\\\", "\\") : json;
        } catch (IOException | RuntimeException e) {
            return "(see attachment)";
        }
    }

    /**
     * The rule as the test page shows it, written as HTML here: given Markdown, Allure's generator would build a
     * Markdown parser for every result of the run (over a third of its time) and keep both texts in the report.
     */
    static String descriptionHtml(RuleEntry rule) {
        StringBuilder html = new StringBuilder();
        html.append("<p><strong>").append(Html.escText(rule.id())).append("</strong> ").append(Html.escText(rule.title())).append("</p>");
        html.append("<p>Level: <strong>").append(Html.escText(rule.level().toString())).append("</strong> · Windows: <strong>")
                .append(Html.escText(rule.windows())).append("</strong></p>");
        html.append("<p>Source: ").append(Html.escText(rule.source())).append("</p>");
        rule.notes().lines().filter(l -> !l.isBlank()).forEach(l -> html.append("<p>").append(Html.escText(l)).append("</p>"));
        return html.toString();
    }

    /** A paragraph of plain text as the test page's description. */
    static String paragraphHtml(String text) {
        return "<p>" + Html.escText(text) + "</p>";
    }

    public static String severity(Level level) {
        switch (level) {
            case MUST: return "critical";
            case CALLER_CONTRACT: return "normal";
            case IMPLEMENTATION_DEFINED: return "minor";
            default: return "trivial";
        }
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static Map<String, RuleEntry> rules() {
        Map<String, RuleEntry> known = rules;
        if (known == null) {
            try {
                known = RuleCatalog.load().rules().stream()
                        .collect(Collectors.toMap(RuleEntry::id, r -> r, (a, b) -> a));
            } catch (RuntimeException e) {
                known = Map.of();
            }
            rules = known;
        }
        return known;
    }
}
