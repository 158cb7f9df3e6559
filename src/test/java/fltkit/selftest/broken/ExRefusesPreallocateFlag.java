package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** FltAllocateCallbackDataEx refuses the FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY flag. */
@Breaks(rules = {"CBD-002"}, messageContains = {"FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY", "STATUS_INVALID_PARAMETER"}, othersMayFail = true)
public class ExRefusesPreallocateFlag extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
                return flags != 0 ? new CallbackDataResult(NtStatus.STATUS_INVALID_PARAMETER, 0) : inner.allocateCallbackDataEx(instance, fileObject, flags);
            }
        };
    }
}
