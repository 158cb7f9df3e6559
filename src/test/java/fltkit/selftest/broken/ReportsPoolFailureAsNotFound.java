package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Answers a pool failure with STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND. */
@Breaks(rules = {"ALLOC-010", "ALLOC-011"}, messageContains = {"returned STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)", "expected STATUS_INSUFFICIENT_RESOURCES (0xC000009A)"})
public class ReportsPoolFailureAsNotFound extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Allocation allocation = inner.allocateContext(filter, contextType, contextSize, poolType);
                boolean poolFailure = allocation.status().equals(NtStatus.STATUS_INSUFFICIENT_RESOURCES) && !hasAllocateRoutine(contextType);
                return poolFailure ? new Allocation(NtStatus.STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND, 0) : allocation;
            }
        };
    }
}
