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

/** A typed delete on an object being torn down returns STATUS_SUCCESS (and leaves the context to the teardown). */
@Breaks(rules = "DEL-004", messageContains = {"STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS"})
public class DeletesFromDyingObjects extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
                ContextResult result = inner.deleteTypedContext(type, target, wantOldContext);
                return result.status().equals(NtStatus.STATUS_FLT_DELETING_OBJECT) ? new ContextResult(NtStatus.STATUS_SUCCESS, 0) : result;
            }
        };
    }
}
