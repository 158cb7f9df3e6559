package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Preallocates the memory but still asks pool for it when the I/O is issued. */
@Breaks(rules = "CBD-005", messageContains = {"STATUS_SUCCESS (0x00000000)", "STATUS_INSUFFICIENT_RESOURCES"})
public class PreallocationNotUsedForIo extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private boolean exhausted;

            @Override
            public void failPoolAllocationsAfter(int successes, int count) {
                if (successes == 0) {
                    exhausted = count > 0;
                }
                inner.failPoolAllocationsAfter(successes, count);
            }

            @Override
            public NtStatus performSynchronousIo(long callbackData) {
                return exhausted ? NtStatus.STATUS_INSUFFICIENT_RESOURCES : inner.performSynchronousIo(callbackData);
            }
        };
    }
}
