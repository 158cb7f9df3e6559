package fltkit.report;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a run leaves of Allure ({@code fltkit.allure}, {@code --allure}). The results are the report's input:
 * once the single file holds them, the default drops them, so a run does not write every result twice.
 */
public enum AllureMode {
    /** The single-file report only: the results it was made from are removed once it is written. */
    REPORT,
    /** The raw results only, for an Allure server or {@code allure generate}. */
    RESULTS,
    /** The results and the single-file report made from them. */
    BOTH,
    /** No Allure output. */
    OFF;

    /** The setting's value: {@code report}, {@code results}, {@code both} or {@code off}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when the run writes results (every mode but off; the report is made from them). */
    public boolean writesResults() {
        return this != OFF;
    }

    /** True when the run makes the single-file report. */
    public boolean writesReport() {
        return this == REPORT || this == BOTH;
    }

    /** True when the results stay in the reports folder after the run. */
    public boolean keepsResults() {
        return this == RESULTS || this == BOTH;
    }

    /** "report, results, both or off", for messages. */
    public static String choices() {
        String all = Stream.of(values()).map(AllureMode::value).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }

    /** The mode a setting names, in any case; empty when it names none. */
    public static java.util.Optional<AllureMode> parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(m -> m.value().equals(wanted)).findFirst();
    }
}
