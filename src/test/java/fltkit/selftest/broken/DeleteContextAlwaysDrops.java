package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** FltDeleteContext drops a reference even when the context is not attached (never set, or deleted already). */
@Breaks(rules = "DEL-008", messageContains = {"DEL-008 violated"})
public class DeleteContextAlwaysDrops extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public void deleteContext(long context) {
                boolean attached = inner.inspectContext(context).attached();
                inner.deleteContext(context);
                if (!attached) {
                    inner.releaseContext(context);
                }
            }
        };
    }
}
