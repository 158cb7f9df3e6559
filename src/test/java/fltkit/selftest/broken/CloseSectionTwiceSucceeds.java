package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** FltCloseSectionForDataScan on a section already closed returns STATUS_SUCCESS. */
@Breaks(rules = "SEC-005", messageContains = {"STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS"})
public class CloseSectionTwiceSucceeds extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public NtStatus closeSectionForDataScan(long sectionContext) {
                NtStatus status = inner.closeSectionForDataScan(sectionContext);
                return status.equals(NtStatus.STATUS_NOT_FOUND) ? NtStatus.STATUS_SUCCESS : status;
            }
        };
    }
}
