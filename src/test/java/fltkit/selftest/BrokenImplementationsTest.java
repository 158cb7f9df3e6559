package fltkit.selftest;

import fltkit.rules.Outcome;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the kit catches what it claims to: each broken implementation in {@code fltkit.selftest.broken}
 * breaks one rule, and exactly that rule's scenarios must fail, with a helpful message, while every
 * other scenario ends as it does against the reference.
 */
class BrokenImplementationsTest {

    @TestFactory
    Stream<DynamicTest> eachBrokenImplementationIsCaughtByItsRuleAlone() throws Exception {
        List<Class<?>> broken = brokenImplementations();
        assertThat(broken).as("broken implementations found in fltkit.selftest.broken").isNotEmpty();
        return broken.stream().map(type -> DynamicTest.dynamicTest(type.getSimpleName(), () -> check(type)));
    }

    private static void check(Class<?> type) {
        Breaks breaks = type.getAnnotation(Breaks.class);
        assertThat(breaks).as("%s needs a @Breaks annotation", type.getName()).isNotNull();
        WindowsVersion profile = WindowsVersion.fromProfile(breaks.profile());
        Set<String> brokenRules = Set.of(breaks.rules());

        Map<String, ScenarioOutcome> reference = KitRun.referenceByName(profile);
        List<ScenarioOutcome> outcomes = KitRun.run(type.getName(), profile);

        List<ScenarioOutcome> failedForTheRule = outcomes.stream()
                .filter(o -> brokenRules.contains(o.ruleId()))
                .filter(o -> o.outcome() == Outcome.FAILED)
                .toList();
        assertThat(failedForTheRule)
                .as("%s breaks %s, so at least one scenario of %s must fail", type.getSimpleName(), brokenRules, breaks.rules()[0])
                .anyMatch(o -> o.ruleId().equals(breaks.rules()[0]));
        for (ScenarioOutcome failure : failedForTheRule) {
            assertThat(failure.message()).as("failure message of %s", failure.name()).contains(failure.ruleId());
            for (String fragment : breaks.messageContains()) {
                if (failure.ruleId().equals(breaks.rules()[0])) {
                    assertThat(failure.message()).as("failure message of %s", failure.name()).contains(fragment);
                }
            }
        }
        for (ScenarioOutcome outcome : outcomes) {
            ScenarioOutcome expected = reference.get(outcome.name());
            assertThat(expected).as("scenario %s ran against the reference", outcome.name()).isNotNull();
            if (brokenRules.contains(outcome.ruleId()) || breaks.othersMayFail()) {
                boolean unrecorded = outcome.outcome() == Outcome.BROKEN && outcome.message() != null
                        && outcome.message().contains("could not be recorded");
                assertThat(unrecorded || outcome.outcome() == Outcome.FAILED || outcome.outcome() == expected.outcome())
                        .as("%s against %s: a broken rule's scenario may fail (a recorded one: end unrecorded), never break "
                                + "or skip; it ended %s", outcome.name(), type.getSimpleName(), outcome)
                        .isTrue();
            } else {
                assertThat(outcome.outcome())
                        .as("%s against %s must end as against the reference (%s)", outcome.name(), type.getSimpleName(), outcome)
                        .isEqualTo(expected.outcome());
            }
        }
    }

    /** Every class in fltkit.selftest.broken, found on the test class path. */
    static List<Class<?>> brokenImplementations() throws IOException, URISyntaxException {
        URL folder = BrokenImplementationsTest.class.getResource("broken");
        assertThat(folder).as("test class folder fltkit/selftest/broken").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .sorted()
                    .map(n -> load("fltkit.selftest.broken." + n.substring(0, n.length() - 6)))
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
