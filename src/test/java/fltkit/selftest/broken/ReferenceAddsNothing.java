package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** FltReferenceContext does not add a reference. */
@Breaks(rules = {"REF-001", "REF-002", "REF-003", "FREE-001", "FREE-002", "DEL-008"}, messageContains = {"reference count of 1", "expected 2"})
public class ReferenceAddsNothing extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void referenceContext(long context) {
            }
        };
    }
}
