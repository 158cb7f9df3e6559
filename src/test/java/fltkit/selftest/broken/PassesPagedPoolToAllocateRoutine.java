package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

/** Asks the minifilter's allocate routine for PagedPool for every type but volume contexts, whatever the caller asked for. */
@Breaks(rules = "ACB-002", messageContains = {"asked for PagedPool, expected NonPagedPool"})
public class PassesPagedPoolToAllocateRoutine extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return inner.allocateContext(filter, contextType, contextSize,
                        hasAllocateRoutine(contextType) && contextType != ContextType.VOLUME.value() ? PoolType.PAGED_POOL : poolType);
            }
        };
    }
}
