package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** The filter unloading leaves its contexts attached to their objects. */
@Breaks(rules = "AUTO-006", messageContains = {"reference count of 2", "expected 1"})
public class UnloadKeepsContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void unloadFilter(long filter) {
            }
        };
    }
}
