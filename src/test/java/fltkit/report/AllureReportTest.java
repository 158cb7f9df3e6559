package fltkit.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** The single file's policy lets exactly the page's own scripts run: each pinned by the hash of its text. */
class AllureReportTest {
    private static final String APP = Base64.getEncoder().encodeToString("app()".getBytes(StandardCharsets.UTF_8));
    private static final String PAGE = "<html><head><meta charset=\"utf-8\"><title>t</title>"
            + "<script src=\"data:text/javascript;base64," + APP + "\"></script></head><body>"
            + "<script>d('data/x.json','e30=')</script><script async>load()</script>"
            + "<script src=\"elsewhere.js\"></script><p>&lt;script&gt;not one</p></body></html>";

    @Test
    void theInlineScriptsAreTheBodiesOfPlainAsyncAndDeferTags() {
        assertThat(AllureReport.inlineScripts(PAGE)).containsExactly("d('data/x.json','e30=')", "load()");
        assertThat(AllureReport.inlineScripts("<script defer>x</script><script>unclosed")).containsExactly("x");
    }

    @Test
    void thePolicyPinsTheAppAndEachInlineScriptByItsHash() throws Exception {
        String page = AllureReport.withPolicy(PAGE);
        assertThat(page).contains("integrity=\"" + sha256("app()") + "\"")
                .contains("script-src '" + sha256("app()") + "' '" + sha256("d('data/x.json','e30=')") + "' '" + sha256("load()") + "';")
                .contains("default-src 'none'");
    }

    private static String sha256(String text) throws Exception {
        return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
