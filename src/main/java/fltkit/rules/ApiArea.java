package fltkit.rules;

import java.util.Locale;

/**
 * The API area a rule belongs to (the top level of the reports' navigation), in the order a minifilter meets
 * them: registration, allocation, the life cycle, the callbacks, the memory, callback data. Reports list
 * root causes in this order, since a failure in an earlier area makes later ones fail too. Read from the
 * feature's name and the rule's ID, so a new feature file lands in the right area without a list to keep.
 */
public enum ApiArea {
    REGISTRATION("Context registration"),
    ALLOCATION("Context allocation"),
    LIFE_CYCLE("Context life cycle"),
    CALLBACKS("Context callbacks"),
    MEMORY("Context memory"),
    CALLBACK_DATA("Callback data");

    private final String label;

    ApiArea(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ApiArea of(RuleEntry rule) {
        String feature = (rule.feature() + " " + rule.uri()).toLowerCase(Locale.ROOT);
        String id = rule.id().replaceFirst("^" + RuleId.KIT_PREFIX, "");
        if (feature.contains("callbackdata") || feature.contains("callback data") || id.startsWith("CBD")) {
            return CALLBACK_DATA;
        }
        if (feature.contains("regist") || id.startsWith("REG")) {
            return REGISTRATION;
        }
        if (feature.contains("allocatecontext") || feature.contains("allocation") || id.startsWith("ALLOC")) {
            return ALLOCATION;
        }
        if (feature.contains("callback") || feature.contains("cleanup") || id.startsWith("CB") || id.startsWith("ACB")
                || id.startsWith("FREE")) {
            return CALLBACKS;
        }
        if (feature.contains("zero") || id.startsWith("ZERO")) {
            return MEMORY;
        }
        return LIFE_CYCLE;
    }

    /** The area of a rule ID alone (the kit's checks and rules without a catalogue entry): the life cycle. */
    public static ApiArea ofId(String id) {
        return of(new RuleEntry(id, "", Level.MUST, "all", "", "", "", "", java.util.List.of()));
    }

    @Override
    public String toString() {
        return label;
    }
}
