package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;
import java.util.HashSet;
import java.util.Set;

/** Callback data handed to FltReuseCallbackData can no longer issue I/O. */
@Breaks(rules = "CBD-010", messageContains = {"STATUS_SUCCESS (0x00000000)", "STATUS_INVALID_PARAMETER"})
public class ReuseSpoilsCallbackData extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Set<Long> reused = new HashSet<>();

            @Override
            public void reuseCallbackData(long callbackData) {
                inner.reuseCallbackData(callbackData);
                reused.add(callbackData);
            }

            @Override
            public NtStatus performSynchronousIo(long callbackData) {
                return reused.contains(callbackData) ? NtStatus.STATUS_INVALID_PARAMETER : inner.performSynchronousIo(callbackData);
            }
        };
    }
}
