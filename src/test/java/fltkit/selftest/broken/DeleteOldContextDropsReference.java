package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** A typed delete with OldContext hands the context back but also drops the reference the set took. */
@Breaks(rules = "DEL-002", messageContains = {"expected 2"}, othersMayFail = true)
public class DeleteOldContextDropsReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
                ContextResult result = inner.deleteTypedContext(type, target, wantOldContext);
                if (wantOldContext && result.context() != 0 && inner.inspectContext(result.context()).referenceCount() > 1) {
                    inner.releaseContext(result.context());
                }
                return result;
            }
        };
    }
}
