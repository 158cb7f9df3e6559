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

/** A set refused with STATUS_FLT_CONTEXT_ALREADY_DEFINED still adds a reference to NewContext. */
@Breaks(rules = "SET-003", messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class FailedSetStillReferences extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                if (result.status().equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                    inner.referenceContext(newContext);
                }
                return result;
            }
        };
    }
}
