package fltkit.explore;

import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleEntry;
import fltkit.rules.RuleId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule ID exploration can name is one of the catalogue's, or one of the kit's own (KIT-). */
class RuleIdsTest {
    private static final Pattern QUOTED_ID = Pattern.compile("\"(" + RuleId.PATTERN + ")\"");

    @Test
    void explorationNamesOnlyRulesTheFeaturesDefine() throws IOException {
        Set<String> named = new TreeSet<>();
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/fltkit/explore"))) {
            for (Path source : sources.toList()) {
                Matcher matcher = QUOTED_ID.matcher(Files.readString(source));
                while (matcher.find()) {
                    named.add(matcher.group(1));
                }
            }
        }
        Set<String> catalogue = RuleCatalog.fromDirectory(Path.of("features")).rules().stream().map(RuleEntry::id)
                .collect(Collectors.toSet());

        assertThat(named).as("rule IDs in fltkit.explore").hasSizeGreaterThan(40);
        assertThat(named).filteredOn(id -> !RuleId.isKitCheck(id)).as("documented rule IDs exploration names")
                .allMatch(catalogue::contains);
        assertThat(named).filteredOn(RuleId::isKitCheck).isNotEmpty();
    }

    @Test
    void everyFreedomNamesARuleOfTheCatalogueOrTheKit() throws IOException {
        Set<String> catalogue = RuleCatalog.fromDirectory(Path.of("features")).rules().stream().map(RuleEntry::id)
                .collect(Collectors.toSet());
        for (Freedoms freedom : Freedoms.values()) {
            assertThat(RuleId.isKitCheck(freedom.ruleId()) || catalogue.contains(freedom.ruleId()))
                    .as("%s names %s", freedom, freedom.ruleId()).isTrue();
            assertThat(freedom.treatment() == Freedoms.Treatment.ALLOWED).as("%s lists statuses", freedom)
                    .isEqualTo(!freedom.allowed().isEmpty());
        }
    }
}
