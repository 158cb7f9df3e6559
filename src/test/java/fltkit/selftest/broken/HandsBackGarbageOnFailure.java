package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Leaves a stale pointer in ReturnedContext when the allocation fails. */
@Breaks(rules = {"ALLOC-011", "ACB-006"}, messageContains = {"yet handed back context 0xBAD00000"})
public class HandsBackGarbageOnFailure extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Allocation allocation = inner.allocateContext(filter, contextType, contextSize, poolType);
                return allocation.status().isSuccess() ? allocation : new Allocation(allocation.status(), 0xBAD00000L);
            }
        };
    }
}
