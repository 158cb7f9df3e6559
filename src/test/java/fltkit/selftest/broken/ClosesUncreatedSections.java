package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** FltCloseSectionForDataScan on a context never passed to FltCreateSectionForDataScan returns STATUS_SUCCESS. */
@Breaks(rules = "SEC-004", messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS"})
public class ClosesUncreatedSections extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public NtStatus closeSectionForDataScan(long sectionContext) {
                NtStatus status = inner.closeSectionForDataScan(sectionContext);
                return status.equals(NtStatus.STATUS_INVALID_PARAMETER) ? NtStatus.STATUS_SUCCESS : status;
            }
        };
    }
}
