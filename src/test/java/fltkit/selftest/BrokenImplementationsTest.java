package fltkit.selftest;

import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.KitCheck;
import fltkit.rules.RuleCatalog;
import fltkit.rules.RuleId;
import fltkit.rules.RuleEntry;
import fltkit.selftest.broken.Mutants;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the kit catches what it claims to: each mutant in the tables of {@code fltkit.selftest.broken}
 * breaks one rule, and exactly the rules it names may fail, the target with a helpful message, while
 * every other scenario ends as it does against the reference. The tables themselves are checked too:
 * every MUST rule is some mutant's target, and a mutant's name says which one it is.
 */
class BrokenImplementationsTest {

    @TestFactory
    Stream<DynamicTest> eachMutantIsCaughtByTheRulesItNames() {
        List<Mutant> mutants = Mutants.all();
        assertThat(mutants).as("mutants in the tables of fltkit.selftest.broken").isNotEmpty();
        // -Dfltkit.mutants=NameA,NameB runs only those, for working on a few (the build runs them all).
        String only = System.getProperty("fltkit.mutants", "");
        if (!only.isBlank()) {
            Set<String> names = Set.of(only.split(","));
            mutants = mutants.stream().filter(m -> names.contains(m.name())).toList();
        }
        return mutants.stream().map(mutant -> DynamicTest.dynamicTest(mutant.toString(), () -> check(mutant)));
    }

    private static void check(Mutant mutant) {
        Set<String> brokenRules = Set.copyOf(mutant.rules());
        Map<String, ScenarioOutcome> reference = KitRun.referenceByName(mutant.profile());
        // Only the scenarios that call a routine the mutant replaces: every other one makes calls only the reference
        // answers, so it ends as against the reference (KitRun.runWhereItDiffers says why).
        List<ScenarioOutcome> outcomes = KitRun.runWhereItDiffers(mutant);
        if (RuleId.isKitCheck(mutant.target())) {
            checkKitCheckOnly(mutant, reference, outcomes);
            return;
        }

        List<ScenarioOutcome> failedForTheRule = outcomes.stream()
                .filter(o -> brokenRules.contains(o.ruleId()))
                .filter(o -> o.outcome() == Outcome.FAILED)
                .toList();
        assertThat(failedForTheRule)
                .as("%s breaks %s, so at least one scenario of %s must fail", mutant.name(), brokenRules, mutant.target())
                .anyMatch(o -> o.ruleId().equals(mutant.target()));
        for (ScenarioOutcome failure : failedForTheRule) {
            assertThat(failure.message()).as("failure message of %s", failure.name()).contains(failure.ruleId());
            if (failure.ruleId().equals(mutant.target())) {
                for (String fragment : mutant.says()) {
                    assertThat(failure.message()).as("failure message of %s", failure.name()).contains(fragment);
                }
            }
        }
        for (ScenarioOutcome outcome : outcomes) {
            ScenarioOutcome expected = reference.get(outcome.name());
            assertThat(expected).as("scenario %s ran against the reference", outcome.name()).isNotNull();
            if (brokenRules.contains(outcome.ruleId()) || mutant.othersMayFail()) {
                boolean unrecorded = outcome.outcome() == Outcome.BROKEN && outcome.message() != null
                        && outcome.message().contains("could not be recorded");
                assertThat(unrecorded || outcome.outcome() == Outcome.FAILED || outcome.outcome() == expected.outcome())
                        .as("%s against %s: a broken rule's scenario may fail (a recorded one: end unrecorded), never break "
                                + "or skip; it ended %s", outcome.name(), mutant.name(), outcome)
                        .isTrue();
            } else {
                assertThat(outcome.outcome())
                        .as("%s against %s must end as against the reference (%s)", outcome.name(), mutant.name(), outcome)
                        .isEqualTo(expected.outcome());
            }
        }
    }

    /**
     * A mutant only the kit's own check can see (a leak): every scenario ends as against the reference (the
     * documented rules stand on their own assertions), and the check reports the breach after at least one.
     */
    private static void checkKitCheckOnly(Mutant mutant, Map<String, ScenarioOutcome> reference, List<ScenarioOutcome> outcomes) {
        for (ScenarioOutcome outcome : outcomes) {
            assertThat(outcome.outcome()).as("%s against %s: a leak is %s's finding, never the documented rule's (%s)",
                    outcome.name(), mutant.name(), mutant.target(), outcome).isEqualTo(reference.get(outcome.name()).outcome());
        }
        List<String> findings = outcomes.stream().map(ScenarioOutcome::kitCheck).filter(Objects::nonNull).toList();
        assertThat(findings).as("%s must be found by %s", mutant.name(), mutant.target()).isNotEmpty()
                .allMatch(f -> f.contains("\"check\":\"" + mutant.target() + "\""));
        for (String fragment : mutant.says()) {
            assertThat(findings).as("findings of %s", mutant.target()).anyMatch(f -> f.contains(fragment));
        }
    }

    @Test
    void everyMustRuleIsTheTargetOfAMutant() {
        Set<String> must = RuleCatalog.load().rules().stream().filter(r -> r.level() == Level.MUST)
                .map(RuleEntry::id).collect(Collectors.toSet());
        Set<String> targeted = Mutants.all().stream().map(Mutant::target).collect(Collectors.toSet());
        assertThat(must).as("MUST rules no mutant in the tables targets").isSubsetOf(targeted);
    }

    @Test
    void noTwoMutantsShareAName() {
        assertThat(Mutants.all()).extracting(Mutant::name).as("mutant names").doesNotHaveDuplicates();
    }

    @Test
    void mutantsNameOnlyRulesOfTheCatalogue() {
        Set<String> known = RuleCatalog.load().rules().stream().map(RuleEntry::id).collect(Collectors.toSet());
        Stream.of(KitCheck.values()).map(KitCheck::id).forEach(known::add);
        for (Mutant mutant : Mutants.all()) {
            assertThat(known).as("rules %s names", mutant.name()).containsAll(mutant.rules());
        }
    }

    @Test
    void eachTableTargetsTheRulesOfItsOwnFeature() {
        Map<String, RuleEntry> rules = RuleCatalog.load().rules().stream()
                .collect(Collectors.toMap(RuleEntry::id, Function.identity()));
        for (MutantTable table : Mutants.tables()) {
            assertThat(table.mutants()).as("mutants of %s", table.getClass().getSimpleName()).isNotEmpty()
                    .allSatisfy(mutant -> assertThat(RuleId.isKitCheck(mutant.target()) ? table.feature()
                            : rules.get(mutant.target()).uri())
                            .as("feature of %s's target %s", mutant.name(), mutant.target()).isEqualTo(table.feature()));
        }
    }

    @Test
    void everyRoutineOfTheSpiCanBeReplaced() {
        Set<String> replaceable = Stream.of(Routines.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())).map(Method::getName).collect(Collectors.toSet());
        assertThat(replaceable).as("routines a mutant can replace").containsAll(Routines.SPI);
    }
}
