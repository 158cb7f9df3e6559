package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** FltAllocateCallbackDataEx ignores FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY and preallocates nothing. */
@Breaks(rules = {"CBD-004", "CBD-005"}, messageContains = {"STATUS_INSUFFICIENT_RESOURCES (0xC000009A)", "STATUS_SUCCESS"})
public class IgnoresPreallocateFlag extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
                return inner.allocateCallbackDataEx(instance, fileObject, 0);
            }
        };
    }
}
