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

/** FltGetSectionContext never finds the section context FltCreateSectionForDataScan attached. */
@Breaks(rules = {"SEC-001", "SEC-002"}, messageContains = {"STATUS_NOT_FOUND"})
public class SectionContextNeverFound extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                if (type == ContextType.SECTION && result.status().isSuccess()) {
                    inner.releaseContext(result.context());
                    return new ContextResult(NtStatus.STATUS_NOT_FOUND, 0);
                }
                return result;
            }
        };
    }
}
