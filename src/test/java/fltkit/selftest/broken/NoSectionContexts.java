package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Refuses FLT_SECTION_CONTEXT (0x0040) allocations even from Windows 8 on. */
@Breaks(rules = {"ALLOC-004", "ACB-005", "SEC-001", "SEC-002", "SEC-003", "SEC-004", "SEC-005", "SEC-007", "SEC-008"}, profile = "win8", messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)"})
public class NoSectionContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return contextType == ContextType.SECTION.value() ? new Allocation(NtStatus.STATUS_INVALID_PARAMETER, 0)
                        : inner.allocateContext(filter, contextType, contextSize, poolType);
            }
        };
    }
}
