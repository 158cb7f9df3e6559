package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Keeps allocating for a filter whose teardown has begun. */
@Breaks(rules = {"ALLOC-009", "ALLOC-011"}, messageContains = {"returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_DELETING_OBJECT (0xC01C000B)"})
public class IgnoresFilterTeardown extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void beginFilterTeardown(long filter) {
                // the teardown is never noticed by FltAllocateContext
            }
        };
    }
}
