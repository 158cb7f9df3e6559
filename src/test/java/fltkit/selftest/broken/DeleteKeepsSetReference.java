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

/** A typed delete without OldContext unlinks the context but never drops the reference the set took. */
@Breaks(rules = "DEL-001", messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class DeleteKeepsSetReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
                ContextResult result = inner.deleteTypedContext(type, target, true);
                return wantOldContext ? result : new ContextResult(result.status(), 0);
            }
        };
    }
}
