package fltkit.report;

import fltkit.rules.Level;
import fltkit.rules.RuleEntry;
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

    /** The description is HTML the kit wrote (Allure's generator leaves it as it is), every text in it escaped. */
    @Test
    void theRuleDescriptionIsEscapedHtml() {
        TestResult result = new TestResult().setName("ALLOC-002 ContextSize 65536 against a fixed 65535-byte definition gives STATUS_INVALID_BUFFER_SIZE");
        new ReportLabels().beforeTestWrite(result);

        assertThat(result.getDescription()).isNull();
        assertThat(result.getDescriptionHtml()).startsWith("<p><strong>ALLOC-002</strong> ").contains("<p>Level: <strong>MUST</strong>")
                .contains("<p>Source: \"FltAllocateContext function (fltkernel.h)\"");
        RuleEntry hostile = new RuleEntry("ALLOC-901", "a <script>alert(1)</script> & more", Level.MUST, "all",
                "<img src=x onerror=alert(1)>", "note with <b>markup</b>", "Feature", "x.feature", java.util.List.of("s"));
        assertThat(ReportLabels.descriptionHtml(hostile)).doesNotContain("<script>", "<img", "<b>")
                .contains("a &lt;script&gt;alert(1)&lt;/script&gt; &amp; more", "&lt;img src=x onerror=alert(1)&gt;",
                        "<p>note with &lt;b&gt;markup&lt;/b&gt;</p>");
    }
}
