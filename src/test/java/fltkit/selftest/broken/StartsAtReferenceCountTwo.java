package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.Breaks;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Hands every new context back with an extra reference. */
@Breaks(rules = {"ALLOC-001", "REG-014", "REG-015"}, messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class StartsAtReferenceCountTwo extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Allocation allocation = inner.allocateContext(filter, contextType, contextSize, poolType);
                if (allocation.returnedContext() != 0) {
                    inner.referenceContext(allocation.returnedContext());
                }
                return allocation;
            }
        };
    }
}
