package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** When the allocate routine returns NULL, tries again instead of failing the allocation. */
@Breaks(rules = "ACB-006", messageContains = {"returned STATUS_SUCCESS (0x00000000)", "expected STATUS_INSUFFICIENT_RESOURCES (0xC000009A)"})
public class FallsBackToPoolWhenRoutineReturnsNull extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Allocation allocation = inner.allocateContext(filter, contextType, contextSize, poolType);
                boolean retry = allocation.status().equals(NtStatus.STATUS_INSUFFICIENT_RESOURCES) && hasAllocateRoutine(contextType);
                return retry ? inner.allocateContext(filter, contextType, contextSize, poolType) : allocation;
            }
        };
    }
}
