package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Closing a file object deletes none of its contexts (they go only when the volume is dismounted). */
@Breaks(rules = {"AUTO-001"}, messageContains = {"reference count of 2", "expected 1"}, othersMayFail = true)
public class CloseDeletesNothing extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void closeFile(long fileObject) {
            }
        };
    }
}
