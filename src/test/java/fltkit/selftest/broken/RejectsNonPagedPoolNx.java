package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

/** Refuses NonPagedPoolNx as if it were an unknown pool type. */
@Breaks(rules = {"ALLOC-014", "ZERO-002"}, messageContains = {"returned STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)"})
public class RejectsNonPagedPoolNx extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return poolType == PoolType.NON_PAGED_POOL_NX ? new Allocation(NtStatus.STATUS_INVALID_PARAMETER, 0)
                        : inner.allocateContext(filter, contextType, contextSize, poolType);
            }
        };
    }
}
