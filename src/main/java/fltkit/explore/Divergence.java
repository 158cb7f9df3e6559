package fltkit.explore;

/**
 * One way the implementation under test parted from what the documents determine, found by exploration and
 * shrunk. Never a documented rule's verdict: it says which rule the shrunk scenario breaks, so a person can
 * paste the scenario under that rule and make it one.
 *
 * @param ruleId   the rule the divergence breaks (a KIT- ID when no documented rule covers it)
 * @param message  what happened, in the violation vocabulary of the kit ("REF-001 violated: ...")
 * @param scenario the shrunk scenario in the kit's step vocabulary, with a comment saying how to replay it
 * @param seed     the seed of the sequence that first showed it: {@code explore --seed <seed> --sequences 1} replays it
 * @param steps    how many steps the shrunk scenario has
 * @param calls    how many actions the sequence had before shrinking
 */
public record Divergence(String ruleId, String message, String scenario, long seed, int steps, int calls) {
}
