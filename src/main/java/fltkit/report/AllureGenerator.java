package fltkit.report;

import io.qameta.allure.Aggregator2;
import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.Reader;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.ReportStorage;
import io.qameta.allure.core.Configuration;
import io.qameta.allure.core.InMemoryReportStorage;
import io.qameta.allure.core.LaunchResults;
import io.qameta.allure.core.ResultsVisitor;
import io.qameta.allure.ga.GaPlugin;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The one class that uses the Allure report generator, an optional dependency: only {@link AllureReport#generate}
 * reaches it, after checking the generator is on the class path.
 */
final class AllureGenerator {
    private static final String HISTORY = "history/";

    private AllureGenerator() {
    }

    /**
     * Writes {@code reportDir/index.html} from the results and returns the history files the report's plugins
     * wrote (history/*.json, by file name), which seed the next run's trends.
     */
    static Map<String, byte[]> singleFile(Path results, Path reportDir, String reportName) {
        InMemoryReportStorage history = new InMemoryReportStorage();
        new ReportGenerator(configuration(reportName, history)).generateSingleFile(reportDir, List.of(results));
        Map<String, byte[]> files = new TreeMap<>();
        history.getReportDataFiles().forEach((name, base64) ->
                files.put(name.substring(HISTORY.length()), Base64.getDecoder().decode(base64)));
        return files;
    }

    private static Configuration configuration(String reportName, ReportStorage history) {
        // Everything bundled except the analytics plugin, which would try to phone home. Each aggregator also
        // hands what it writes under history/ to the kit, which keeps it for the next run.
        List<Extension> extensions = new ConfigurationBuilder().useDefault().build().getExtensions().stream()
                .filter(e -> !(e instanceof GaPlugin))
                .map(e -> e instanceof Aggregator2 aggregator ? HistoryKeeping.of(aggregator, history) : e)
                .collect(Collectors.toList());
        return ConfigurationBuilder.empty().fromExtensions(extensions).withReportName(reportName).build();
    }

    /**
     * An Allure aggregator whose storage also gives its history/ entries to a second storage. Allure's history
     * and trend plugins are readers too (they read the previous history from the results); the wrapper keeps
     * that side.
     */
    private static class HistoryKeeping implements Aggregator2 {
        private final Aggregator2 inner;
        private final ReportStorage history;

        HistoryKeeping(Aggregator2 inner, ReportStorage history) {
            this.inner = inner;
            this.history = history;
        }

        static Aggregator2 of(Aggregator2 inner, ReportStorage history) {
            return inner instanceof Reader reader ? new Reading(inner, reader, history) : new HistoryKeeping(inner, history);
        }

        @Override
        public void aggregate(Configuration configuration, List<LaunchResults> launches, ReportStorage storage) {
            inner.aggregate(configuration, launches, new ReportStorage() {
                @Override
                public void addDataJson(String name, Object value) {
                    storage.addDataJson(name, value);
                    if (name.startsWith(HISTORY)) {
                        history.addDataJson(name, value);
                    }
                }

                @Override
                public void addDataBinary(String name, byte[] value) {
                    storage.addDataBinary(name, value);
                    if (name.startsWith(HISTORY)) {
                        history.addDataBinary(name, value);
                    }
                }

                @Override
                public void addDataFile(String name, Path file) {
                    storage.addDataFile(name, file);
                    if (name.startsWith(HISTORY)) {
                        history.addDataFile(name, file);
                    }
                }
            });
        }

        private static final class Reading extends HistoryKeeping implements Reader {
            private final Reader reader;

            Reading(Aggregator2 inner, Reader reader, ReportStorage history) {
                super(inner, history);
                this.reader = reader;
            }

            @Override
            public void readResults(Configuration configuration, ResultsVisitor visitor, Path directory) {
                reader.readResults(configuration, visitor, directory);
            }
        }
    }
}
