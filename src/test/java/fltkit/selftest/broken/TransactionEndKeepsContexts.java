package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** The end of a transaction leaves its transaction contexts in place (they go only when the filter unloads). */
@Breaks(rules = "AUTO-003", messageContains = {"reference count of 2", "expected 1"})
public class TransactionEndKeepsContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void endTransaction(long transaction, boolean commit) {
            }
        };
    }
}
