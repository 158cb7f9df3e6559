package fltkit.rules;

import fltkit.settings.KitConfigurationException;
import fltkit.spi.Capability;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Feature;
import io.cucumber.messages.types.FeatureChild;
import io.cucumber.messages.types.Rule;
import io.cucumber.messages.types.RuleChild;
import io.cucumber.messages.types.Scenario;
import io.cucumber.messages.types.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule catalogue, read from the feature files themselves (never from a hand-kept list): every
 * {@code Rule:} with its ID, level, Windows range and source. {@link #problems()} lists every way a
 * feature file breaks the kit's conventions.
 */
public final class RuleCatalog {
    public static final String FEATURES_RESOURCE = "fltkit/features";
    static final Pattern ID = Pattern.compile("^(" + RuleId.PATTERN + ")\\s+(.+)$");

    private final List<RuleEntry> rules;
    private final List<String> problems;

    private RuleCatalog(List<RuleEntry> rules, List<String> problems) {
        this.rules = List.copyOf(rules);
        this.problems = List.copyOf(problems);
    }

    public List<RuleEntry> rules() {
        return rules;
    }

    /** Convention breaches, each naming the file and what to fix; empty when the features are well formed. */
    public List<String> problems() {
        return problems;
    }

    /** The catalogue of the features packaged with the kit (on the class path). */
    public static RuleCatalog load() {
        List<RuleEntry> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String name : FeatureResources.names()) {
            try (InputStream in = FeatureResources.open(name)) {
                parse(name.substring(name.lastIndexOf('/') + 1), in, rules, problems);
            } catch (IOException e) {
                throw new KitConfigurationException("cannot read the feature file " + name + ": " + e.getMessage(), e);
            }
        }
        return checked(rules, problems);
    }

    public static RuleCatalog fromDirectory(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(p -> p.toString().endsWith(".feature")).sorted().collect(Collectors.toList());
        }
        List<RuleEntry> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                parse(file.getFileName().toString(), in, rules, problems);
            }
        }
        return checked(rules, problems);
    }

    private static RuleCatalog checked(List<RuleEntry> rules, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (RuleEntry rule : rules) {
            if (!seen.add(rule.id())) {
                problems.add(rule.uri() + ": rule ID " + rule.id() + " is used twice; IDs are unique and never reused");
            }
        }
        return new RuleCatalog(rules, problems);
    }

    /** Adds the rules of one feature source to {@code rules}, and its convention breaches to {@code problems}. */
    public static void parse(String name, InputStream in, List<RuleEntry> rules, List<String> problems) throws IOException {
        GherkinParser parser = GherkinParser.builder().includeSource(false).includePickles(false).build();
        List<Envelope> envelopes = parser.parse(name, in).collect(Collectors.toList());
        for (Envelope envelope : envelopes) {
            envelope.getParseError().ifPresent(error -> problems.add(name + ":"
                    + error.getSource().getLocation().map(l -> l.getLine().toString()).orElse("?")
                    + ": malformed Gherkin: " + error.getMessage()));
            envelope.getGherkinDocument().flatMap(d -> d.getFeature()).ifPresent(feature -> read(name, feature, rules, problems));
        }
    }

    private static void read(String name, Feature feature, List<RuleEntry> rules, List<String> problems) {
        for (FeatureChild child : feature.getChildren()) {
            child.getScenario().ifPresent(s -> problems.add(name + ":" + s.getLocation().getLine()
                    + ": scenario '" + s.getName() + "' stands outside any Rule:; put it under the rule it checks"));
            child.getRule().ifPresent(rule -> rules.add(entry(name, feature, rule, problems)));
        }
    }

    private static RuleEntry entry(String file, Feature feature, Rule rule, List<String> problems) {
        String where = file + ":" + rule.getLocation().getLine();
        Matcher id = ID.matcher(rule.getName().trim());
        String ruleId = id.matches() ? id.group(1) : "?";
        String title = id.matches() ? id.group(2) : rule.getName().trim();
        if (!id.matches()) {
            problems.add(where + ": rule '" + rule.getName() + "' does not start with an ID such as ALLOC-002");
        }
        List<String> tags = rule.getTags().stream().map(Tag::getName).collect(Collectors.toList());
        List<Level> levels = tags.stream().filter(Tags.LEVELS::containsKey).map(Tags.LEVELS::get).collect(Collectors.toList());
        if (levels.size() != 1) {
            problems.add(where + ": rule " + ruleId + " needs exactly one level tag (@must, @impl-defined, "
                    + "@caller-contract or @untestable), found " + levels);
        }
        List<String> ranges = tags.stream().filter(t -> t.startsWith(Tags.WINDOWS)).map(t -> t.substring(Tags.WINDOWS.length())).collect(Collectors.toList());
        if (ranges.size() != 1) {
            problems.add(where + ": rule " + ruleId + " needs exactly one @windows: tag, found " + ranges.size());
        }
        for (String range : ranges) {
            try {
                WindowsRange.parse(range);
            } catch (KitConfigurationException e) {
                problems.add(where + ": " + e.getMessage());
            }
        }
        String description = rule.getDescription() == null ? "" : rule.getDescription().strip();
        String source = description.lines().map(String::strip).filter(l -> l.startsWith("Source:"))
                .map(l -> l.substring("Source:".length()).strip()).findFirst().orElse("");
        if (source.isEmpty()) {
            problems.add(where + ": rule " + ruleId + " has no 'Source:' line in its description");
        }
        String notes = description.lines().map(String::strip).filter(l -> !l.startsWith("Source:"))
                .collect(Collectors.joining("\n")).strip();
        List<String> scenarios = new ArrayList<>();
        for (RuleChild child : rule.getChildren()) {
            child.getScenario().ifPresent(s -> {
                scenarios.add(s.getName());
                checkScenario(file, ruleId, s, problems);
            });
        }
        if (scenarios.isEmpty()) {
            problems.add(where + ": rule " + ruleId + " has no scenario; an untestable rule still gets one "
                    + "scenario saying why");
        }
        return new RuleEntry(ruleId, title, levels.isEmpty() ? Level.UNTESTABLE : levels.get(0),
                ranges.isEmpty() ? "?" : ranges.get(0), source, notes, feature.getName(), file, scenarios);
    }

    private static void checkScenario(String file, String ruleId, Scenario scenario, List<String> problems) {
        String where = file + ":" + scenario.getLocation().getLine();
        if (!scenario.getName().startsWith(ruleId + " ")) {
            problems.add(where + ": scenario '" + scenario.getName() + "' must start with its rule's ID " + ruleId);
        }
        for (Tag tag : scenario.getTags()) {
            if (tag.getName().startsWith(Tags.NEEDS)) {
                try {
                    Capability.fromTag(tag.getName().substring(Tags.NEEDS.length()));
                } catch (IllegalArgumentException e) {
                    problems.add(where + ": " + e.getMessage());
                }
            }
            if (tag.getName().startsWith(Tags.WINDOWS) || Tags.LEVELS.containsKey(tag.getName())) {
                problems.add(where + ": level and @windows: tags belong on the Rule, not on scenario '"
                        + scenario.getName() + "'");
            }
        }
    }

    /** A plain-text listing, one rule a line, for {@code --list-rules}. */
    public String listing() {
        return rules.stream()
                .map(r -> String.format("%-14s %-23s %-12s %s%n%14s source: %s", r.id(), r.level(), r.windows(), r.title(), "", r.source()))
                .collect(Collectors.joining("\n"));
    }

    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e);
    }
}
