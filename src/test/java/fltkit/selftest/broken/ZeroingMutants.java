package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.Allocation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static fltkit.selftest.Mutant.mutant;

/** Broken zeroing of new contexts. */
public final class ZeroingMutants extends MutantTable {
    public ZeroingMutants() {
        super("ContextZeroing.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Zeroes a variable-size context only when its memory is new: recycled memory keeps old bytes.
                mutant("ZeroesOnlyFreshMemory").breaks("ZERO-001")
                        .says("(recycled memory)", "expected every byte zero")
                        .perScenario(m -> {
                            Set<Long> seen = new HashSet<>();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Allocation allocation = ref.allocateContext(filter, type, size, pool);
                                long context = allocation.returnedContext();
                                if (allocation.status().isSuccess() && !seen.add(context) && size > 0) {
                                    byte[] stale = new byte[(int) size];
                                    Arrays.fill(stale, (byte) 0x5A);
                                    ref.writeContext(context, 0, stale);
                                }
                                return allocation;
                            });
                        }));
    }
}
