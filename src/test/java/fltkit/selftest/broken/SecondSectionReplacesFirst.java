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

/** A second FltCreateSectionForDataScan for the stream closes the first section and takes its place. */
@Breaks(rules = "SEC-002", messageContains = {"STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)", "STATUS_SUCCESS"})
public class SecondSectionReplacesFirst extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                if (type == ContextType.SECTION && result.status().equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                    ContextResult existing = inner.getContext(type, target);
                    inner.releaseContext(existing.context());
                    inner.closeSectionForDataScan(existing.context());
                    return inner.setContext(type, target, operation, newContext, wantOldContext);
                }
                return result;
            }
        };
    }
}
