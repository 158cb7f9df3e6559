package fltkit.rules;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogTest {

    @Test
    void theKitsOwnFeaturesFollowTheConventions() {
        RuleCatalog catalog = RuleCatalog.load();
        assertThat(catalog.problems()).as("convention breaches in features/").isEmpty();
        assertThat(catalog.rules()).isNotEmpty();
    }

    @Test
    void aMalformedFeatureIsReportedWithItsFileAndWhatToFix() throws Exception {
        String feature = String.join("\n",
                "Feature: broken",
                "  Scenario: stray",
                "    Given x",
                "  @must",
                "  Rule: no id here",
                "    Scenario: nothing",
                "      Given something",
                "  Rule: ALLOC-900 an id but nothing else",
                "    Scenario: ALLOC-900 x",
                "      Given y");
        List<RuleEntry> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RuleCatalog.parse("broken.feature", new ByteArrayInputStream(feature.getBytes(StandardCharsets.UTF_8)), rules, problems);
        assertThat(problems).anyMatch(p -> p.contains("broken.feature:5") && p.contains("does not start with an ID"))
                .anyMatch(p -> p.contains("stands outside any Rule"))
                .anyMatch(p -> p.contains("ALLOC-900") && p.contains("exactly one level tag"))
                .anyMatch(p -> p.contains("ALLOC-900") && p.contains("@windows:"))
                .anyMatch(p -> p.contains("ALLOC-900") && p.contains("Source:"));
    }

    @Test
    void unparseableGherkinIsReportedNotThrown() throws Exception {
        List<RuleEntry> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        RuleCatalog.parse("bad.feature", new ByteArrayInputStream("Feature: x\n  Scenario: a\n    Given b\n    | a | b |\n    | c |\n".getBytes(StandardCharsets.UTF_8)), rules, problems);
        assertThat(problems).anyMatch(p -> p.startsWith("bad.feature:") && p.contains("malformed Gherkin"));
    }
}
