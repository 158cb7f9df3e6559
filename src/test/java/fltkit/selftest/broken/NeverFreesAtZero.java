package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** The last release of an unattached context leaves it alive: nothing is ever freed by a release. */
@Breaks(rules = "REF-003", messageContains = {"still alive", "expected it freed"}, othersMayFail = true)
public class NeverFreesAtZero extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void releaseContext(long context) {
                ContextState state = inner.inspectContext(context);
                if (state.alive() && !state.attached() && state.referenceCount() == 1) {
                    return;
                }
                inner.releaseContext(context);
            }
        };
    }
}
