package fltkit.selftest;

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
import java.util.function.Function;
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

        Map<String, ScenarioOutcome> reference = KitRun.reference(profile).stream()
                .collect(Collectors.toMap(ScenarioOutcome::name, Function.identity(), (a, b) -> a));
        List<ScenarioOutcome> outcomes = KitRun.run(type.getName(), profile);
        if (breaks.rules()[0].startsWith("KIT-")) {
            checkKitCheckOnly(type, breaks, reference, outcomes);
            return;
        }

        List<ScenarioOutcome> failedForTheRule = outcomes.stream()
                .filter(o -> brokenRules.contains(o.ruleId()))
                .filter(o -> o.status() == ScenarioOutcome.Status.FAILED)
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
                boolean unrecorded = outcome.status() == ScenarioOutcome.Status.BROKEN && outcome.message() != null
                        && outcome.message().contains("could not be recorded");
                assertThat(unrecorded || outcome.status() == ScenarioOutcome.Status.FAILED || outcome.status() == expected.status())
                        .as("%s against %s: a broken rule's scenario may fail (a recorded one: end unrecorded), never break "
                                + "or skip; it ended %s", outcome.name(), type.getSimpleName(), outcome)
                        .isTrue();
            } else {
                assertThat(outcome.status())
                        .as("%s against %s must end as against the reference (%s)", outcome.name(), type.getSimpleName(), outcome)
                        .isEqualTo(expected.status());
            }
        }
    }

    /**
     * A mutant only the kit's own check can see (a leak): every scenario ends as against the reference (the
     * documented rules hold on their own assertions), and the check reports the breach after at least one.
     */
    private static void checkKitCheckOnly(Class<?> type, Breaks breaks, Map<String, ScenarioOutcome> reference,
                                          List<ScenarioOutcome> outcomes) {
        for (ScenarioOutcome outcome : outcomes) {
            assertThat(outcome.status()).as("%s against %s: a leak is KIT-LEAK-001's finding, never the documented rule's (%s)",
                    outcome.name(), type.getSimpleName(), outcome).isEqualTo(reference.get(outcome.name()).status());
        }
        List<String> findings = outcomes.stream().map(ScenarioOutcome::kitCheck).filter(java.util.Objects::nonNull).toList();
        assertThat(findings).as("%s must be found by %s", type.getSimpleName(), breaks.rules()[0]).isNotEmpty()
                .allMatch(f -> f.startsWith(breaks.rules()[0]));
        for (String fragment : breaks.messageContains()) {
            assertThat(findings).as("findings of %s", breaks.rules()[0]).anyMatch(f -> f.contains(fragment));
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
