package fltkit.report;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The report pages' Mustache templates, in {@code fltkit/report/} on the class path. Every {@code {{value}}}
 * is HTML-escaped, so what an implementation says (names, messages, recorded values) is shown as text; only
 * the kit's own markup (the stylesheet, outcome badges) goes in unescaped with {@code {{{value}}}}.
 */
final class Templates {
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("fltkit/report");
    private static final String STYLE = resource("style.css");

    private Templates() {
    }

    static String render(String template, Object view) {
        Mustache mustache = FACTORY.compile(template);
        StringWriter out = new StringWriter();
        mustache.execute(out, view);
        return out.toString();
    }

    /** The pages' shared stylesheet. */
    static String style() {
        return STYLE;
    }

    private static String resource(String name) {
        try (InputStream in = Templates.class.getResourceAsStream("/fltkit/report/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the kit's jar lacks fltkit/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
