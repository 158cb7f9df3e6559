package fltkit.report;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantProvider;

/**
 * An implementation that does not conform (it lets a ContextSize above MAXUSHORT through), so the
 * report checks (and the command line's) can see how a failed rule reads. A provider class of its own,
 * not a table entry of fltkit.selftest.broken, because a run names it by class.
 */
public class ForgetsMaxUShort extends MutantProvider {
    public ForgetsMaxUShort() {
        super(Mutant.mutant("ForgetsMaxUShort").breaks("ALLOC-002")
                .allocateContext((ref, filter, type, size, pool) -> ref.allocateContext(filter, type, Math.min(size, 0xFFFF), pool))
                .build());
    }
}
