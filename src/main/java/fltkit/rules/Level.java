package fltkit.rules;

/** How a rule is judged. Only MUST rules make the verdict; the others are recorded or explained. */
public enum Level {
    /** Failure is non-conformance. */
    MUST("MUST"),
    /** The kit records what the implementation does and never fails it. */
    IMPLEMENTATION_DEFINED("IMPLEMENTATION-DEFINED"),
    /** What a minifilter must do; breaking it is undefined, so the kit records the answer and only survives it. */
    CALLER_CONTRACT("CALLER-CONTRACT"),
    /** Cannot be observed from outside the implementation; the scenario says why. */
    UNTESTABLE("UNTESTABLE");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The level as the reports and the rule catalogue spell it. */
    public String label() {
        return label;
    }

    /** Whether a scenario of this level can fail (only MUST rules are judged). */
    public boolean judged() {
        return this == MUST;
    }

    public static Level fromLabel(String label) {
        for (Level level : values()) {
            if (level.label.equals(label)) {
                return level;
            }
        }
        throw new IllegalArgumentException("unknown rule level '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
