package fltkit.rules;

import java.util.Map;

/** The Gherkin tags the kit's conventions give meaning to (see the README, "Writing rules"). */
public final class Tags {
    /** Prefix of a rule's Windows range, e.g. {@code @windows:win8+}. */
    public static final String WINDOWS = "@windows:";
    /** Prefix of a scenario's capability need, e.g. {@code @needs:context-inspection}. */
    public static final String NEEDS = "@needs:";
    /** A CALLER-CONTRACT rule: the scenario breaks the minifilter's side of the contract on purpose. */
    public static final String CALLER_CONTRACT = "@caller-contract";
    /** A caller-contract scenario that keeps references on purpose: the leak check does not apply. */
    public static final String LEAKS_ON_PURPOSE = "@leaks-on-purpose";
    /** The level tags and the level each names. */
    public static final Map<String, Level> LEVELS = Map.of("@must", Level.MUST, "@impl-defined",
            Level.IMPLEMENTATION_DEFINED, CALLER_CONTRACT, Level.CALLER_CONTRACT, "@untestable", Level.UNTESTABLE);

    private Tags() {
    }
}
