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

/** Looks for stream and stream handle contexts even where the file system has no per-stream contexts. */
@Breaks(rules = "GET-003", messageContains = {"STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_NOT_FOUND"})
public class StreamGetIgnoresSupport extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new PerStreamSupportIgnored(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                return asIfSupported(() -> inner.getContext(type, target));
            }
        };
    }
}
