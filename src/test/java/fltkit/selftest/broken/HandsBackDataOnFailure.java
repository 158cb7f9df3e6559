package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** A failed FltAllocateCallbackData still writes a (stale) pointer into RetNewCallbackData. */
@Breaks(rules = "CBD-003", messageContains = {"yet handed back callback data"})
public class HandsBackDataOnFailure extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public CallbackDataResult allocateCallbackData(long instance, long fileObject) {
                CallbackDataResult result = inner.allocateCallbackData(instance, fileObject);
                return !result.status().equals(NtStatus.STATUS_INSUFFICIENT_RESOURCES) ? result : new CallbackDataResult(result.status(), 0xDEAD_0000L);
            }
        };
    }
}
