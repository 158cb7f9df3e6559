package fltkit.selftest;

import fltkit.rules.Level;
import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleEntry;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every MUST rule has a broken implementation written to break it (its first {@code @Breaks} rule), so
 * every MUST rule's scenarios have been seen to fail; and no broken implementation names a rule that is
 * not in the catalogue.
 */
class MustRuleCoverageTest {

    @Test
    void everyMustRuleHasABrokenImplementationThatTargetsIt() throws Exception {
        Set<String> must = RuleCatalog.load().rules().stream().filter(r -> r.level() == Level.MUST)
                .map(RuleEntry::id).collect(Collectors.toSet());
        Set<String> targeted = BrokenImplementationsTest.brokenImplementations().stream()
                .map(type -> type.getAnnotation(Breaks.class).rules()[0]).collect(Collectors.toSet());
        assertThat(must).as("MUST rules without a broken implementation in fltkit.selftest.broken")
                .isSubsetOf(targeted);
    }

    @Test
    void brokenImplementationsNameOnlyRulesOfTheCatalogue() throws Exception {
        Set<String> known = RuleCatalog.load().rules().stream().map(RuleEntry::id).collect(Collectors.toSet());
        known.add("KIT-LEAK-001");
        for (Class<?> type : BrokenImplementationsTest.brokenImplementations()) {
            assertThat(known).as("rules named by @Breaks of %s", type.getSimpleName())
                    .contains(type.getAnnotation(Breaks.class).rules());
        }
    }
}
