package fltkit.report;

import fltkit.rules.Outcome;

/** The few HTML helpers the report pages need. */
final class Html {
    private Html() {
    }

    /**
     * The kit's pages are static: no script may run in them, whatever an implementation managed to put in
     * its name or messages; styles are inline.
     */
    static final String POLICY = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">";

    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes text for an element's content only ({@code & < >}), where quotes may stay as they are. */
    static String escText(String text) {
        return text == null ? null : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String badge(Outcome outcome) {
        return "<span class=\"o " + outcome.key() + "\" title=\"" + esc(outcome.meaning()) + "\">" + outcome.label() + "</span>";
    }

    static final String STYLE = String.join("\n",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}",
            "main{max-width:1500px;margin:0 auto;padding:20px 28px 60px}",
            "h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px;border-bottom:1px solid #d7dbe2;padding-bottom:4px}",
            "h3{font-size:16px;margin:22px 0 6px}.sub{color:#5b6475;margin:0 0 16px}",
            ".partial{background:#b3261e;color:#fff;font-weight:700;font-size:20px;padding:12px 16px;border-radius:6px;margin:12px 0;letter-spacing:.5px}",
            ".cards{display:flex;flex-wrap:wrap;gap:14px}",
            ".card{background:#fff;border:1px solid #d7dbe2;border-top:6px solid #2e7d32;border-radius:8px;padding:12px 16px;min-width:200px;flex:1}",
            ".card.nok{border-top-color:#c62828}.card.none{border-top-color:#6b7280}.card.none .verdict{color:#4b5563}.card h3{margin:0;font-size:17px}",
            ".card .big{font-size:30px;font-weight:700;margin:4px 0 0}.card .verdict{font-weight:700;margin-bottom:6px}",
            ".card.ok .verdict{color:#2e7d32}.card.nok .verdict{color:#c62828}.card ul{margin:4px 0 0;padding-left:18px;color:#39414f}",
            "table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}",
            "th,td{border:1px solid #e0e3e8;padding:5px 8px;text-align:left;vertical-align:top}th{background:#eef0f4;position:sticky;top:0}",
            "td.id{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap;font-weight:600}",
            ".lvl{font-family:system-ui,sans-serif;font-weight:400;font-size:12px;color:#5b6475;margin-top:2px}",
            "td.src{max-width:280px}.notes{color:#5b6475;font-size:13px;white-space:pre-line;margin-top:3px}.src{color:#39414f;font-size:13px}",
            ".o{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12.5px;font-weight:600;white-space:nowrap}",
            ".o.passed{background:#dff3e0;color:#1b5e20}.o.failed{background:#c62828;color:#fff}.o.broken{background:#ef6c00;color:#fff}",
            ".o.not-applicable{background:#eceff1;color:#546e7a}.o.not-declared{background:#e3e8f6;color:#283593}",
            ".o.recorded{background:#e1f5fe;color:#01579b}.o.untestable{background:#f3e5f5;color:#6a1b9a}.o.not-covered{background:#fff3cd;color:#7a5a00}",
            ".msg{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12.5px;white-space:pre-wrap;color:#7f1d1d}",
            "table.fixed{table-layout:fixed}td.rec{color:#01579b;overflow-wrap:anywhere}",
            "dl.legend{display:grid;grid-template-columns:max-content 1fr;gap:6px 14px}dl.legend dd{margin:0}",
            "footer{margin-top:36px;color:#5b6475;font-size:13px}");
}
