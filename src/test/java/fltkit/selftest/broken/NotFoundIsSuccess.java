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

/** A get routine with nothing to find returns STATUS_SUCCESS and NULL_CONTEXT. */
@Breaks(rules = "GET-002", messageContains = {"STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS"}, othersMayFail = true)
public class NotFoundIsSuccess extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                return result.status().equals(NtStatus.STATUS_NOT_FOUND) ? new ContextResult(NtStatus.STATUS_SUCCESS, 0) : result;
            }
        };
    }
}
