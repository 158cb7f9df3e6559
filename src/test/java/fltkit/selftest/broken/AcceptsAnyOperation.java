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

/** Treats any Operation value other than KEEP_IF_EXISTS as REPLACE_IF_EXISTS. */
@Breaks(rules = "SET-009", messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS"})
public class AcceptsAnyOperation extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                int effective = operation == SetOperation.KEEP_IF_EXISTS ? operation : SetOperation.REPLACE_IF_EXISTS;
                return inner.setContext(type, target, effective, newContext, wantOldContext);
            }
        };
    }
}
