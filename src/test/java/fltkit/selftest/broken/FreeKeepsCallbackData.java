package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** FltFreeCallbackData gives nothing back. */
@Breaks(rules = {"CBD-008", "CBD-009", "CBD-001", "CBD-002", "CBD-005", "CBD-006", "CBD-007", "CBD-010"}, messageContains = {"memory did not go back"})
public class FreeKeepsCallbackData extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void freeCallbackData(long callbackData) {
            }
        };
    }
}
