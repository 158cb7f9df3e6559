package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;

import java.util.List;

/** Every mutant table, one per feature file: what BrokenImplementationsTest runs. */
public final class Mutants {
    private Mutants() {
    }

    public static List<MutantTable> tables() {
        return List.of(new RegistrationMutants(), new AllocationMutants(), new AllocateCallbackMutants(), new CleanupAndFreeMutants(),
                new ZeroingMutants(), new ReferenceCountingMutants(), new SetContextMutants(), new GetContextMutants(),
                new DeleteContextMutants(), new AutomaticDeletionMutants(), new SectionMutants(), new CallbackDataMutants());
    }

    public static List<Mutant> all() {
        return tables().stream().flatMap(table -> table.mutants().stream()).toList();
    }
}
