package fltkit.rules;

import java.util.List;

/**
 * One documented rule as its feature file states it.
 *
 * @param id          stable rule ID, e.g. ALLOC-002
 * @param title       the rule's title without the ID
 * @param level       MUST, IMPLEMENTATION-DEFINED, CALLER-CONTRACT or UNTESTABLE
 * @param windows     the Windows range, as written after {@code @windows:}
 * @param source      the "Source:" line
 * @param notes       the rest of the rule's description (Ambiguity:, Kit reading:, prose)
 * @param feature     the feature's name (the routine or structure)
 * @param uri         the feature file's name
 * @param scenarios   the names of the rule's scenarios (outline names, not expanded)
 */
public record RuleEntry(String id, String title, Level level, String windows, String source, String notes,
                        String feature, String uri, List<String> scenarios) {

    /** A kit-added check beyond the documents; never counted as a documented rule. */
    public boolean kitCheck() {
        return RuleId.isKitCheck(id);
    }
}
