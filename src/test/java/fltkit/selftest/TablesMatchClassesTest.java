package fltkit.selftest;

import fltkit.selftest.broken.Mutants;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Temporary: each table entry says and does exactly what the broken-implementation class of the same
 * name did, scenario by scenario. Removed with the classes.
 */
class TablesMatchClassesTest {

    @TestFactory
    Stream<DynamicTest> eachTableEntryMatchesItsClass() throws Exception {
        List<Mutant> mutants = Mutants.all();
        Set<String> classes = brokenImplementations().stream()
                .map(Class::getSimpleName).collect(Collectors.toSet());
        assertThat(mutants.stream().map(Mutant::name).collect(Collectors.toSet())).as("mutants in the tables").isEqualTo(classes);
        return mutants.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> compare(m)));
    }

    private static void compare(Mutant mutant) throws Exception {
        Class<?> type = Class.forName("fltkit.selftest.broken." + mutant.name());
        Breaks breaks = type.getAnnotation(Breaks.class);
        assertThat(mutant.rules()).as("rules").containsExactly(breaks.rules());
        assertThat(mutant.says()).as("message fragments").containsExactly(breaks.messageContains());
        assertThat(mutant.profile().profile()).as("profile").isEqualTo(breaks.profile());
        assertThat(mutant.othersMayFail()).as("othersMayFail").isEqualTo(breaks.othersMayFail());

        List<String> before = KitRun.run(type.getName(), mutant.profile()).stream().map(TablesMatchClassesTest::line).toList();
        List<String> after = KitRun.run(mutant).stream().map(TablesMatchClassesTest::line).toList();
        assertThat(after).as("outcomes of %s, scenario by scenario", mutant.name()).containsExactlyElementsOf(before);
        long failed = before.stream().filter(l -> l.startsWith("failed")).count();
        System.out.printf("EQUIVALENT %s: %d scenarios identical (%d failed)%n", mutant.name(), before.size(), failed);
    }

    /** Every class in fltkit.selftest.broken with a @Breaks annotation, found on the test class path. */
    static List<Class<?>> brokenImplementations() throws Exception {
        URL folder = TablesMatchClassesTest.class.getResource("broken");
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<Class<?>> found = new ArrayList<>();
            for (String n : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$")).sorted().toList()) {
                Class<?> type = Class.forName("fltkit.selftest.broken." + n.substring(0, n.length() - 6));
                if (type.isAnnotationPresent(Breaks.class)) {
                    found.add(type);
                }
            }
            return found;
        }
    }

    private static String line(ScenarioOutcome o) {
        return o.outcome().label() + " | " + o.name() + " | " + o.message();
    }
}
