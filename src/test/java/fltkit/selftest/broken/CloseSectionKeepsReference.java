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

/** Closing a section removes its context from the stream but never drops the reference the create took. */
@Breaks(rules = "SEC-003", messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class CloseSectionKeepsReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public NtStatus closeSectionForDataScan(long sectionContext) {
                NtStatus status = inner.closeSectionForDataScan(sectionContext);
                if (status.isSuccess()) {
                    inner.referenceContext(sectionContext);
                }
                return status;
            }

            @Override
            public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
                ContextResult result = inner.deleteTypedContext(type, target, type == ContextType.SECTION || wantOldContext);
                return type == ContextType.SECTION ? new ContextResult(result.status(), 0) : result;
            }
        };
    }
}
