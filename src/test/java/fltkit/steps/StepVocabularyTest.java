package fltkit.steps;

import io.cucumber.cucumberexpressions.Expression;
import io.cucumber.cucumberexpressions.ExpressionFactory;
import io.cucumber.cucumberexpressions.ParameterType;
import io.cucumber.cucumberexpressions.ParameterTypeRegistry;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.java.en.And;
import io.cucumber.java.en.But;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The step vocabulary stays small and unambiguous: every step the features write matches exactly one step
 * definition, and every step definition is written by some feature. A definition nobody uses is dead code a
 * reader has to understand; two definitions matching one step make Cucumber stop the scenario as a kit error.
 * <p>
 * Besides the features, the explorer writes steps into the scenarios it prints (fltkit.explore.ScenarioPrinter):
 * its fixed lines ({@code Line.given("...")}, read from its sources) count as uses, and {@link ExplorationSteps}
 * holds the steps only the explorer writes, with names it makes up. The explorer's self-tests run the printed
 * scenarios through Cucumber, where a step without a definition would end the scenario undefined, not failed.
 */
class StepVocabularyTest {
    private static final List<Class<?>> STEP_CLASSES = List.of(RegistrationSteps.class, AllocationSteps.class,
            ContextCallbackSteps.class, ContextMemorySteps.class, LifeCycleSteps.class, ObjectContextSteps.class,
            ObjectSteps.class, CallbackDataSteps.class, KitLimitSteps.class, ExplorationSteps.class, Hooks.class,
            LeakCheck.class);
    private static final Set<Class<?>> WRITTEN_BY_THE_EXPLORER = Set.of(ExplorationSteps.class);

    private static final Map<String, Definition> definitions = new LinkedHashMap<>();
    private static final List<String> featureSteps = new ArrayList<>();
    private static final List<String> explorerLines = new ArrayList<>();
    private static final java.util.regex.Pattern FIXED_LINE = java.util.regex.Pattern.compile("Line\\.(?:given|when)\\(\"([^\"]+)\"\\)");

    record Definition(String source, String where, Expression expression) {
    }

    @BeforeAll
    static void readVocabularyAndFeatures() throws IOException {
        ParameterTypeRegistry registry = new ParameterTypeRegistry(Locale.ENGLISH);
        for (Method method : ParameterTypes.class.getDeclaredMethods()) {
            io.cucumber.java.ParameterType type = method.getAnnotation(io.cucumber.java.ParameterType.class);
            if (type != null) {
                String name = type.name().isEmpty() ? method.getName() : type.name();
                registry.defineParameterType(new ParameterType<>(name, type.value(), String.class, (String s) -> s));
            }
        }
        ExpressionFactory expressions = new ExpressionFactory(registry);
        for (Class<?> steps : stepClassesInThePackage()) {
            for (Method method : steps.getDeclaredMethods()) {
                for (Annotation annotation : method.getDeclaredAnnotations()) {
                    String pattern = patternOf(annotation);
                    if (pattern != null) {
                        Definition previous = definitions.put(pattern, new Definition(pattern,
                                steps.getSimpleName() + "." + method.getName(), expressions.createExpression(pattern)));
                        assertThat(previous).as("the step pattern \"%s\" is defined twice", pattern).isNull();
                    }
                }
            }
        }
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
        try (Stream<Path> files = Files.list(Path.of("features"))) {
            for (Path feature : files.filter(f -> f.toString().endsWith(".feature")).sorted().toList()) {
                parser.parse(feature).forEach(envelope -> envelope.getPickle().ifPresent(
                        pickle -> pickle.getSteps().forEach(step -> featureSteps.add(step.getText()))));
            }
        }
        try (Stream<Path> sources = Files.list(Path.of("src/main/java/fltkit/explore"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                java.util.regex.Matcher line = FIXED_LINE.matcher(Files.readString(source));
                while (line.find()) {
                    explorerLines.add(line.group(1));
                }
            }
        }
    }

    /** Every class of fltkit.steps that carries step annotations is one the test knows. */
    private static List<Class<?>> stepClassesInThePackage() throws IOException {
        Path compiled;
        try {
            compiled = Path.of(RegistrationSteps.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("fltkit/steps");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> classes = Files.list(compiled)) {
            for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type;
                try {
                    type = Class.forName("fltkit.steps." + name, false, StepVocabularyTest.class.getClassLoader());
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
                boolean hasSteps = Stream.of(type.getDeclaredMethods())
                        .anyMatch(m -> Stream.of(m.getDeclaredAnnotations()).anyMatch(a -> patternOf(a) != null));
                if (hasSteps && !STEP_CLASSES.contains(type)) {
                    unknown.add(type.getSimpleName());
                }
            }
        }
        assertThat(unknown).as("step classes this test does not read; add them to STEP_CLASSES").isEmpty();
        return STEP_CLASSES;
    }

    private static String patternOf(Annotation annotation) {
        if (annotation instanceof Given given) {
            return given.value();
        } else if (annotation instanceof When when) {
            return when.value();
        } else if (annotation instanceof Then then) {
            return then.value();
        } else if (annotation instanceof And and) {
            return and.value();
        } else if (annotation instanceof But but) {
            return but.value();
        }
        return null;
    }

    private static List<Definition> matching(String step) {
        return definitions.values().stream().filter(d -> d.expression().match(step) != null).toList();
    }

    @Test
    void theFeaturesWereRead() {
        assertThat(definitions).hasSizeGreaterThan(50);
        assertThat(featureSteps).hasSizeGreaterThan(1000);
        assertThat(explorerLines).contains("the pool recovers");
    }

    @Test
    void everyStepOfTheFeaturesHasExactlyOneDefinition() {
        Map<String, List<String>> wrong = new LinkedHashMap<>();
        for (String step : new TreeSet<>(featureSteps)) {
            List<Definition> found = matching(step);
            if (found.size() != 1) {
                wrong.put(step, found.stream().map(Definition::where).toList());
            }
        }
        assertThat(wrong).as("steps with no definition (empty list) or more than one").isEmpty();
    }

    @Test
    void everyFixedLineOfTheExplorerHasExactlyOneDefinition() {
        assertThat(explorerLines.stream().distinct().filter(line -> matching(line).size() != 1).toList())
                .as("lines the explorer prints that no step definition, or more than one, matches").isEmpty();
    }

    @Test
    void everyDefinitionIsWrittenBySomeFeature() {
        Set<String> used = Stream.concat(featureSteps.stream(), explorerLines.stream()).distinct().flatMap(step -> matching(step).stream())
                .map(Definition::source).collect(Collectors.toSet());
        List<String> unused = definitions.values().stream()
                .filter(d -> !used.contains(d.source()))
                .filter(d -> WRITTEN_BY_THE_EXPLORER.stream().noneMatch(c -> d.where().startsWith(c.getSimpleName() + ".")))
                .map(d -> d.where() + ": \"" + d.source() + "\"").toList();
        assertThat(unused).as("step definitions no feature uses: delete them, or write the scenario that needs them").isEmpty();
    }
}
