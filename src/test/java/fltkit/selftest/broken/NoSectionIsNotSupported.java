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

/** FltGetSectionContext on a stream without a section returns STATUS_NOT_SUPPORTED instead of STATUS_NOT_FOUND. */
@Breaks(rules = {"SEC-006", "SEC-003"}, messageContains = {"STATUS_NOT_FOUND (0xC0000225)", "STATUS_NOT_SUPPORTED"})
public class NoSectionIsNotSupported extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                return type == ContextType.SECTION && result.status().equals(NtStatus.STATUS_NOT_FOUND)
                        ? new ContextResult(NtStatus.STATUS_NOT_SUPPORTED, 0) : result;
            }
        };
    }
}
