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

/** A REPLACE_IF_EXISTS set drops the replaced context instead of handing it back in OldContext. */
@Breaks(rules = "SET-005", messageContains = {"expected \"A\""})
public class ReplaceHandsBackNothing extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                return inner.setContext(type, target, operation, newContext, wantOldContext && operation != SetOperation.REPLACE_IF_EXISTS);
            }
        };
    }
}
