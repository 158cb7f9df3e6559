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

/** A successful get routine hands back NULL_CONTEXT (taking and dropping the reference itself). */
@Breaks(rules = "GET-001", messageContains = {"handed back NULL_CONTEXT", "expected \"A\""}, othersMayFail = true)
public class GetHandsBackNull extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                if (result.status().isSuccess()) {
                    inner.releaseContext(result.context());
                    return new ContextResult(NtStatus.STATUS_SUCCESS, 0);
                }
                return result;
            }
        };
    }
}
