package fltkit.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's stable ID: an area prefix and a three-digit number ({@code ALLOC-002}), with {@code KIT-} in
 * front for the kit's own checks beyond the documents ({@code KIT-LEAK-001}). Rule titles and scenario
 * names start with it; this is the one place that says what it looks like.
 */
public final class RuleId {
    /** The ID alone, as a regular expression. */
    public static final String PATTERN = "(?:KIT-)?[A-Z]+-\\d{3}";
    private static final Pattern AT_START = Pattern.compile("^(" + PATTERN + ")(?=\\s|$)");
    /** The prefix of the kit's own checks. */
    public static final String KIT_PREFIX = "KIT-";

    private RuleId() {
    }

    /** The rule ID a rule title or scenario name starts with. */
    public static Optional<String> at(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher matcher = AT_START.matcher(name.strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** The rule ID a name starts with, or {@code "?"} when it starts with none. */
    public static String of(String name) {
        return at(name).orElse("?");
    }

    public static boolean isKitCheck(String id) {
        return id.startsWith(KIT_PREFIX);
    }
}
