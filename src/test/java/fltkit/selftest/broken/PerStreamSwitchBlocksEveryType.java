package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Refuses every context type, not only stream contexts, when the file system lacks per-stream contexts. */
@Breaks(rules = "ALLOC-012", messageContains = {"returned STATUS_NOT_SUPPORTED (0xC00000BB)", "expected STATUS_SUCCESS (0x00000000)"})
public class PerStreamSwitchBlocksEveryType extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private boolean perStream = true;

            @Override
            public void setPerStreamContextSupport(boolean supported) {
                perStream = supported;
                inner.setPerStreamContextSupport(supported);
            }

            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return perStream ? inner.allocateContext(filter, contextType, contextSize, poolType)
                        : new Allocation(NtStatus.STATUS_NOT_SUPPORTED, 0);
            }
        };
    }
}
