package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;

/** A REPLACE_IF_EXISTS set without OldContext never drops the object's reference on the replaced context. */
@Breaks(rules = "SET-006", messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class ReplaceKeepsOldReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                if (operation == SetOperation.REPLACE_IF_EXISTS && !wantOldContext) {
                    ContextResult result = inner.setContext(type, target, operation, newContext, true);
                    return new ContextResult(result.status(), 0);
                }
                return inner.setContext(type, target, operation, newContext, wantOldContext);
            }
        };
    }
}
