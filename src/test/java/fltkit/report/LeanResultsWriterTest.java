package fltkit.report;

import io.qameta.allure.model.Attachment;
import io.qameta.allure.model.FixtureResult;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResultContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Hooks that passed with nothing to show leave no container behind; any other hook keeps its container. */
class LeanResultsWriterTest {

    @Test
    void onlyContainersWithSomethingToShowAreWritten(@TempDir Path folder) throws IOException {
        LeanResultsWriter writer = new LeanResultsWriter(folder);
        writer.write(container("passed-gate", List.of(fixture(Status.PASSED)), List.of()));
        writer.write(container("passed-close", List.of(), List.of(fixture(Status.PASSED), fixture(Status.PASSED))));
        writer.write(container("skipped-gate", List.of(fixture(Status.SKIPPED)), List.of()));
        writer.write(container("failed-close", List.of(), List.of(fixture(Status.PASSED), fixture(Status.FAILED))));
        writer.write(container("leak-finding", List.of(), List.of(fixture(Status.PASSED)
                .setAttachments(List.of(new Attachment().setName("KIT-LEAK-001").setSource("finding.json"))))));

        try (Stream<Path> written = Files.list(folder)) {
            assertThat(written.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("skipped-gate-container.json", "failed-close-container.json",
                            "leak-finding-container.json");
        }
    }

    private static TestResultContainer container(String uuid, List<FixtureResult> befores, List<FixtureResult> afters) {
        return new TestResultContainer().setUuid(uuid).setBefores(befores).setAfters(afters).setChildren(List.of("a-test"));
    }

    private static FixtureResult fixture(Status status) {
        return new FixtureResult().setName("fltkit.steps.Hooks.gate(io.cucumber.java.Scenario)").setStatus(status);
    }
}
