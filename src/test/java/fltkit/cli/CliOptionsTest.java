package fltkit.cli;

import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {

    @Test
    void defaultsAreEveryProfileAndReportsInTheWorkingDirectory() {
        CliOptions options = CliOptions.parse("--implementation", "reference");
        assertThat(options.implementation()).isEqualTo("reference");
        assertThat(options.profiles()).containsExactly(WindowsVersion.values());
        assertThat(options.reports()).isEqualTo(Path.of("reports"));
        assertThat(options.partial()).isFalse();
        assertThat(options.processCommand()).isEmpty();
    }

    @Test
    void everyOptionInBothSpellings() {
        CliOptions options = CliOptions.parse("-i", "com.example.Adapter", "--class-path=a.jar", "-cp",
                "b.jar" + java.io.File.pathSeparator + "classes", "--profile=win8", "--tags", "@must", "-r", "out");
        assertThat(options.implementation()).isEqualTo("com.example.Adapter");
        assertThat(options.classPath()).containsExactly(Path.of("a.jar"), Path.of("b.jar"), Path.of("classes"));
        assertThat(options.profiles()).containsExactly(WindowsVersion.WIN8);
        assertThat(options.tags()).isEqualTo("@must");
        assertThat(options.partial()).isTrue();
        assertThat(options.reports()).isEqualTo(Path.of("out"));
        assertThat(CliOptions.parse("--list-rules").listRules()).isTrue();
        assertThat(CliOptions.parse("-h").help()).isTrue();
    }

    @Test
    void profileAllAndProfileNamesIgnoreCase() {
        assertThat(CliOptions.parse("--profile", "ALL").profiles()).hasSize(WindowsVersion.values().length);
        assertThat(CliOptions.parse("--profile", "Win7").profiles()).containsExactly(WindowsVersion.WIN7);
        assertThat(CliOptions.parse("--profile", "win11, vista,win11").profiles()).containsExactly(WindowsVersion.WIN11, WindowsVersion.VISTA);
        assertThatThrownBy(() -> CliOptions.parse("--profile", "vista,win12").profiles()).hasMessageContaining("unknown Windows profile 'win12'");
    }

    @Test
    void everythingAfterDoubleDashIsTheProcessCommandUntouched() {
        CliOptions options = CliOptions.parse("--profile", "win10", "--", "./impl", "--profile", "a b", "q\"x\\y");
        assertThat(options.processCommand()).containsExactly("./impl", "--profile", "a b", "q\"x\\y");
        assertThat(options.profiles()).containsExactly(WindowsVersion.WIN10);
        assertThat(options.processCommandJson()).isEqualTo("[\"./impl\",\"--profile\",\"a b\",\"q\\\"x\\\\y\"]");
        assertThat(CliOptions.parse("--", "impl", "tab\there\u0001").processCommandJson())
                .isEqualTo("[\"impl\",\"tab\\there\\u0001\"]");
    }

    @Test
    void unknownOptionSaysSoAndPointsAtHelp() {
        assertThatThrownBy(() -> CliOptions.parse("--implemntation", "x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option '--implemntation'").hasMessageContaining("--help");
    }

    @Test
    void aBareWordSuggestsTheProcessCommandSyntax() {
        assertThatThrownBy(() -> CliOptions.parse("./my-impl")).isInstanceOf(UsageException.class)
                .hasMessageContaining("after '--'");
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThatThrownBy(() -> CliOptions.parse("--profile")).isInstanceOf(UsageException.class)
                .hasMessageContaining("option --profile needs a value");
        assertThatThrownBy(() -> CliOptions.parse("--implementation", "--profile", "win7")).isInstanceOf(UsageException.class)
                .hasMessageContaining("option --implementation needs a value");
        assertThatThrownBy(() -> CliOptions.parse("--reports=")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--reports needs a value");
        assertThatThrownBy(() -> CliOptions.parse("--tags", " ")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--tags needs a tag expression");
    }

    @Test
    void anEmptyProcessCommandOrTwoImplementationsAreUsageErrors() {
        assertThatThrownBy(() -> CliOptions.parse("--profile", "win7", "--")).isInstanceOf(UsageException.class)
                .hasMessageContaining("'--' must be followed by the command");
        assertThatThrownBy(() -> CliOptions.parse("-i", "reference", "--", "impl")).isInstanceOf(UsageException.class)
                .hasMessageContaining("one way only");
    }

    @Test
    void anUnknownProfileNamesTheKnownOnes() {
        CliOptions options = CliOptions.parse("--profile", "win12");
        assertThatThrownBy(options::profiles).isInstanceOf(UsageException.class)
                .hasMessageContaining("win12").hasMessageContaining("vista, win7, win8, win10, win11")
                .hasMessageContaining("all");
    }

    @Test
    void runControlsBecomeTheEngineSettingsAMavenRunWouldSet() {
        CliOptions options = CliOptions.parse("-i", "reference", "--allure", "OFF", "--require-full", "--no-progress");
        assertThat(options.allure()).isEqualTo("off");
        assertThat(options.requireFull()).isTrue();
        assertThat(options.progress()).isFalse();
        assertThat(options.settings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "fltkit.allure", "off", "fltkit.require-full", "true", "fltkit.progress", "false"));
        assertThat(CliOptions.parse("-i", "reference", "--allure=results").settings()).containsExactly(Map.entry("fltkit.allure", "results"));
        assertThat(CliOptions.parse("-i", "reference", "--allure", " Both ").settings()).containsExactly(Map.entry("fltkit.allure", "both"));
        assertThat(CliOptions.parse("--profile", "win7", "--", "./impl").settings())
                .containsExactly(Map.entry("fltkit.process.command", "[\"./impl\"]"));
    }

    @Test
    void exploreAsksTheEngineForThatManySequencesPerProfile() {
        CliOptions options = CliOptions.parse("-i", "reference", "--explore", "200");
        assertThat(options.explore()).isEqualTo(200);
        assertThat(options.settings()).containsExactly(Map.entry("fltkit.explore", "200"));
        assertThat(CliOptions.parse("-i", "reference", "--explore=0").settings()).isEmpty();
        assertThatThrownBy(() -> CliOptions.parse("-i", "reference", "--explore", "-1")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--explore needs a whole number of sequences, 0 or more, got '-1'");
        assertThatThrownBy(() -> CliOptions.parse("-i", "reference", "--explore", "many")).isInstanceOf(UsageException.class)
                .hasMessageContaining("got 'many'");
    }

    @Test
    void theDefaultsAddNoSetting() {
        CliOptions options = CliOptions.parse("-i", "reference");
        assertThat(options.settings()).isEmpty();
        assertThat(options.allure()).isNull();
        assertThat(options.progress()).isTrue();
        assertThat(options.requireFull()).isFalse();
        assertThat(options.explore()).isZero();
        assertThat(CliOptions.parse("--version").version()).isTrue();
    }

    @Test
    void anUnknownAllureModeNamesTheKnownOnes() {
        assertThatThrownBy(() -> CliOptions.parse("-i", "reference", "--allure", "single")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--allure must be report, results, both or off, got 'single'");
        assertThatThrownBy(() -> CliOptions.parse("--allure")).isInstanceOf(UsageException.class)
                .hasMessageContaining("option --allure needs a value");
    }

    @Test
    void usageListsEveryOption() {
        assertThat(CliOptions.USAGE).contains("--implementation", "--class-path", "--profile", "--tags", "--reports",
                "--list-rules", "--help", "-- <command>", "--version", "--allure <mode>", "--require-full", "--no-progress", "--explore <n>");
        assertThat(List.of(CliOptions.USAGE.split("\n"))).allMatch(line -> line.length() <= 120);
    }
}
