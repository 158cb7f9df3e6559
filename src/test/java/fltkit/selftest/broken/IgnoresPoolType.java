package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

/** Allocates every context from NonPagedPool, whatever the caller asked for. */
@Breaks(rules = {"ALLOC-013", "ALLOC-014", "ACB-002"}, messageContains = {"comes from NonPagedPool, expected PagedPool"})
public class IgnoresPoolType extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return inner.allocateContext(filter, contextType, contextSize, PoolType.NON_PAGED_POOL);
            }
        };
    }
}
