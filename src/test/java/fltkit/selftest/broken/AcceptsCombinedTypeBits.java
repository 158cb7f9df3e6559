package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Reads a ContextType with several bits as its lowest bit instead of refusing it. */
@Breaks(rules = "ALLOC-006", messageContains = {"expected STATUS_INVALID_PARAMETER (0xC000000D) or STATUS_NOT_SUPPORTED (0xC00000BB)"})
public class AcceptsCombinedTypeBits extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return inner.allocateContext(filter, contextType == 0 ? 0 : Integer.lowestOneBit(contextType), contextSize, poolType);
            }
        };
    }
}
