package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

/** Gets the volume pool check backwards for variable-size volume contexts: NonPagedPool is refused. */
@Breaks(rules = "ALLOC-016", messageContains = {"returned STATUS_FLT_MUST_BE_NONPAGED_POOL (0xC01C000C)", "expected STATUS_SUCCESS (0x00000000)"})
public class RefusesNonPagedVariableVolumeContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                boolean refuse = contextType == ContextType.VOLUME.value() && poolType == PoolType.NON_PAGED_POOL
                        && hasVariable(contextType);
                return refuse ? new Allocation(NtStatus.STATUS_FLT_MUST_BE_NONPAGED_POOL, 0)
                        : inner.allocateContext(filter, contextType, contextSize, poolType);
            }
        };
    }
}
