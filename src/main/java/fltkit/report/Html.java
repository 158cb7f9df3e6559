package fltkit.report;

import fltkit.rules.Outcome;

/** The kit's own markup the report pages put in unescaped: outcome badges. */
final class Html {
    private Html() {
    }

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
}
