package fltkit.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a reader sees for a scenario or a rule in one profile. Declared from worst to best. */
public enum Outcome {
    FAILED("failed", "non-conformance: a documented rule was broken"),
    BROKEN("broken", "the implementation or its adapter threw, hung, crashed or answered out of range; not a verdict on the rule"),
    KIT_ERROR("kit error", "the kit's own scenario misused its steps; neither a verdict nor the implementation's fault"),
    NOT_DECLARED("not declared", "needs a capability the implementation does not declare (the reason names it)"),
    UNTESTABLE("untestable", "the rule cannot be observed from outside; the reason is given"),
    NOT_APPLICABLE("not applicable", "the rule does not apply to this Windows version"),
    RECORDED("recorded", "implementation-defined: the value the implementation chose is shown, never judged"),
    PASSED("passed", "the implementation follows the rule"),
    NOT_COVERED("not covered", "the rule has no scenario that ran");

    private final String label;
    private final String meaning;

    Outcome(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /**
     * The machine-readable start of a skip or recorded message, e.g. {@code [not-applicable]}: the reports
     * bucket outcomes by it.
     */
    public String marker() {
        return "[" + key() + "]";
    }

    /** The skip outcome a skip message names by its marker; a skip the kit did not ask for is broken. */
    public static Outcome ofSkip(String message) {
        for (Outcome outcome : new Outcome[] {NOT_APPLICABLE, NOT_DECLARED, UNTESTABLE}) {
            if (message != null && message.contains(outcome.marker())) {
                return outcome;
            }
        }
        return BROKEN;
    }

    /**
     * How a scenario that threw ended: an assertion is a broken rule (failed), the kit's own mistake a kit
     * error, anything else (the implementation threw, hung, answered out of range) broken.
     */
    public static Outcome ofThrown(Throwable thrown) {
        if (thrown instanceof KitError) {
            return KIT_ERROR;
        }
        return thrown instanceof AssertionError ? FAILED : BROKEN;
    }

    /** CSS class and JSON key: {@code not-applicable}. */
    @JsonValue
    public String key() {
        return label.replace(' ', '-');
    }

    @JsonCreator
    public static Outcome fromKey(String key) {
        for (Outcome outcome : values()) {
            if (outcome.key().equals(key)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + key + "'");
    }
}
