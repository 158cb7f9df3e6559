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

/** Treats FLT_SET_CONTEXT_KEEP_IF_EXISTS like REPLACE_IF_EXISTS. */
@Breaks(rules = "SET-002", messageContains = {"STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)", "STATUS_SUCCESS"}, othersMayFail = true)
public class KeepReplacesAnyway extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                int effective = type != ContextType.SECTION && operation == SetOperation.KEEP_IF_EXISTS ? SetOperation.REPLACE_IF_EXISTS : operation;
                return inner.setContext(type, target, effective, newContext, wantOldContext);
            }
        };
    }
}
