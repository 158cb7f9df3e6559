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

/** Answers a set of a context already attached elsewhere with success (and silently does nothing). */
@Breaks(rules = "SET-008", messageContains = {"STATUS_FLT_CONTEXT_ALREADY_LINKED (0xC01C001C)", "STATUS_SUCCESS"})
public class LinksTwice extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                return result.status().equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_LINKED) ? new ContextResult(NtStatus.STATUS_SUCCESS, 0) : result;
            }
        };
    }
}
