package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;
import java.util.HashSet;
import java.util.Set;

/** FltFreeCallbackData gives nothing back for callback data allocated with the preallocation flag. */
@Breaks(rules = {"CBD-009", "CBD-002", "CBD-005", "CBD-007"}, messageContains = {"memory did not go back"})
public class FreeForgetsPreallocatedMemory extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Set<Long> preallocated = new HashSet<>();

            @Override
            public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
                CallbackDataResult result = inner.allocateCallbackDataEx(instance, fileObject, flags);
                if (flags != 0 && result.status().isSuccess()) {
                    preallocated.add(result.callbackData());
                }
                return result;
            }

            @Override
            public void freeCallbackData(long callbackData) {
                if (!preallocated.contains(callbackData)) {
                    inner.freeCallbackData(callbackData);
                }
            }
        };
    }
}
