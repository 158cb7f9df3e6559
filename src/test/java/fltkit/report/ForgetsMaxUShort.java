package fltkit.report;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/**
 * An implementation that does not conform (it lets a ContextSize above MAXUSHORT through), so the
 * report checks can see how a failed rule reads. Not in fltkit.selftest.broken: the broken-implementation
 * self-test owns that package.
 */
public class ForgetsMaxUShort extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return inner.allocateContext(filter, contextType, Math.min(contextSize, 0xFFFF), poolType);
            }
        };
    }
}
