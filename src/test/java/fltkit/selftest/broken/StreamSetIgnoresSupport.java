package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.PerStreamSupportIgnored;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Sets stream and stream handle contexts even where the file system has no per-stream contexts. */
@Breaks(rules = "SET-011", messageContains = {"STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_SUCCESS"})
public class StreamSetIgnoresSupport extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new PerStreamSupportIgnored(reference) {
            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                return asIfSupported(() -> inner.setContext(type, target, operation, newContext, wantOldContext));
            }
        };
    }
}
