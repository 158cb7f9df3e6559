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

/** A typed delete with nothing to delete returns STATUS_SUCCESS. */
@Breaks(rules = "DEL-003", messageContains = {"STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS"})
public class DeleteMissingSucceeds extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
                ContextResult result = inner.deleteTypedContext(type, target, wantOldContext);
                return result.status().equals(NtStatus.STATUS_NOT_FOUND) ? new ContextResult(NtStatus.STATUS_SUCCESS, 0) : result;
            }
        };
    }
}
