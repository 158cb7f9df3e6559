package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** An instance detaching leaves the contexts set through it in place. */
@Breaks(rules = "AUTO-004", messageContains = {"reference count of 2", "expected 1"})
public class DetachKeepsContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void detachInstance(long instance) {
            }
        };
    }
}
