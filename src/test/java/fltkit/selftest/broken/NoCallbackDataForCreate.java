package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** FltAllocateCallbackData refuses a NULL FileObject. */
@Breaks(rules = "CBD-001", messageContains = {"FileObject=NULL", "STATUS_INVALID_PARAMETER"})
public class NoCallbackDataForCreate extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public CallbackDataResult allocateCallbackData(long instance, long fileObject) {
                return fileObject == 0 ? new CallbackDataResult(NtStatus.STATUS_INVALID_PARAMETER, 0) : inner.allocateCallbackData(instance, fileObject);
            }
        };
    }
}
