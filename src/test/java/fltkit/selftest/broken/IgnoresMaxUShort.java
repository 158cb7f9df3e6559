package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.Breaks;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Lets ContextSize above MAXUSHORT through to the size check against the definition. */
@Breaks(rules = {"ALLOC-002", "ALLOC-011"}, messageContains = {"STATUS_INVALID_BUFFER_SIZE (0xC0000206)", "STATUS_SUCCESS (0x00000000)"})
public class IgnoresMaxUShort extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                long clamped = contextSize > 0xFFFF ? 0xFFFF : contextSize;
                return inner.allocateContext(filter, contextType, clamped, poolType);
            }
        };
    }
}
