package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;
import java.util.HashMap;
import java.util.Map;

/** Finds a stream context only through the file object it was set through, as if it were per handle. */
@Breaks(rules = "GET-004", messageContains = {"STATUS_NOT_FOUND"})
public class StreamContextPerFileObject extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Map<Long, Long> setThrough = new HashMap<>();

            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                if (type == ContextType.STREAM && result.status().isSuccess()) {
                    setThrough.put(newContext, target.fileObject());
                }
                return result;
            }

            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                Long through = result.status().isSuccess() ? setThrough.get(result.context()) : null;
                if (type == ContextType.STREAM && through != null && through != target.fileObject()) {
                    inner.releaseContext(result.context());
                    return new ContextResult(NtStatus.STATUS_NOT_FOUND, 0);
                }
                return result;
            }
        };
    }
}
