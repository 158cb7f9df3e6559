package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** FltReleaseContext is lost when an unattached context holds more than one reference. */
@Breaks(rules = {"REF-002", "REF-001", "REF-003", "FREE-001", "FREE-002", "DEL-002", "DEL-008", "SET-005"}, messageContains = {"reference count of 2", "expected 1"})
public class ReleaseLostWhileReferenced extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void releaseContext(long context) {
                ContextState state = inner.inspectContext(context);
                if (state.alive() && !state.attached() && state.referenceCount() >= 2) {
                    return;
                }
                inner.releaseContext(context);
            }
        };
    }
}
