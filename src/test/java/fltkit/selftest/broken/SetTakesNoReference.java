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

/** A successful set routine attaches NewContext without adding a reference of its own. */
@Breaks(rules = "REF-005", messageContains = {"reference count of 1", "expected 2"}, othersMayFail = true)
public class SetTakesNoReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                if (result.status().isSuccess()) {
                    inner.releaseContext(newContext);
                }
                return result;
            }
        };
    }
}
