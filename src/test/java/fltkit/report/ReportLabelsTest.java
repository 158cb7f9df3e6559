package fltkit.report;

import io.qameta.allure.model.Link;
import io.qameta.allure.model.TestResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule's link in the Allure report leads into the same reports folder, so it works wherever the folder is copied. */
class ReportLabelsTest {
    @Test
    void theRuleLinkPointsAtTheRulesRowInTheSummaryPageBesideTheAllureReport() {
        TestResult result = new TestResult().setName("ALLOC-002 ContextSize 65536 against a fixed 65535-byte definition gives STATUS_INVALID_BUFFER_SIZE");
        new ReportLabels().beforeTestWrite(result);

        assertThat(result.getLinks()).extracting(Link::getUrl).containsExactly("../conformance-summary.html#rule-ALLOC-002");
        // allure-report/index.html + ../ = the reports folder, where the summary has a row id="rule-ALLOC-002".
        assertThat(ReportLabels.DEFAULT_LINK_PATTERN).startsWith("../" + Reports.SUMMARY_HTML);
        assertThat(Reports.ALLURE_REPORT).doesNotContain("/");
    }
}
