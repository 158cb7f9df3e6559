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

/** A refused KEEP_IF_EXISTS set leaves OldContext NULL instead of handing back the existing context. */
@Breaks(rules = "SET-004", messageContains = {"expected \"A\""})
public class KeepHandsBackNothing extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                return inner.setContext(type, target, operation, newContext, wantOldContext && operation != SetOperation.KEEP_IF_EXISTS);
            }
        };
    }
}
