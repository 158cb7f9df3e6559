package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.HashSet;
import java.util.Set;

/** Zeroes a variable-size context only when its memory is new: recycled memory keeps old bytes. */
@Breaks(rules = "ZERO-001", messageContains = {"(recycled memory)", "expected every byte zero"})
public class ZeroesOnlyFreshMemory extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Set<Long> seen = new HashSet<>();

            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Allocation allocation = inner.allocateContext(filter, contextType, contextSize, poolType);
                long context = allocation.returnedContext();
                if (allocation.status().isSuccess() && !seen.add(context) && contextSize > 0) {
                    byte[] stale = new byte[(int) contextSize];
                    java.util.Arrays.fill(stale, (byte) 0x5A);
                    inner.writeContext(context, 0, stale);
                }
                return allocation;
            }
        };
    }
}
