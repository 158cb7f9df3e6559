package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Answers a set with a NewContext of another type with success (and silently does nothing). */
@Breaks(rules = "SET-010", messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS"})
public class IgnoresContextType extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                if (inner.inspectContext(newContext).contextType() != type.value()) {
                    return new ContextResult(NtStatus.STATUS_SUCCESS, 0);
                }
                return inner.setContext(type, target, operation, newContext, wantOldContext);
            }
        };
    }
}
