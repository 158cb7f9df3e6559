package fltkit.selftest;

import fltkit.spi.CallbackEvent;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** The broken implementations written against one feature file's rules: one entry per mutant. */
public abstract class MutantTable {
    private final String feature;

    protected MutantTable(String feature) {
        this.feature = feature;
    }

    /** The feature file (its name, as the rule catalogue gives it) whose rules the mutants target. */
    public String feature() {
        return feature;
    }

    public abstract List<Mutant> mutants();

    protected static List<Mutant> table(Mutant.Builder... entries) {
        List<Mutant> mutants = Stream.of(entries).map(Mutant.Builder::build).toList();
        for (Mutant mutant : mutants) {
            if (mutant.target() == null) {
                throw new IllegalStateException(mutant.name() + " names no rule it breaks: give it breaks(\"<RULE>\")");
            }
        }
        return mutants;
    }

    /** Callback events as the mutant would have made them. */
    protected static List<CallbackEvent> map(List<CallbackEvent> events, UnaryOperator<CallbackEvent> change) {
        return events.stream().map(change).toList();
    }
}
