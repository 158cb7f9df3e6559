package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Dismounting a volume deletes none of its contexts (they go only when the filter unloads). */
@Breaks(rules = "AUTO-005", messageContains = {"reference count of 2", "expected 1"})
public class DismountDoesNothing extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void dismountVolume(long volume) {
            }
        };
    }
}
