package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The last close of a stream leaves its section context's reference in place. */
@Breaks(rules = "SEC-007", messageContains = {"reference count of 2", "expected 1"})
public class SectionOutlivesStream extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Map<Long, Long> sections = new HashMap<>();
            private final List<Long> kept = new ArrayList<>();

            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                ContextResult result = inner.setContext(type, target, operation, newContext, wantOldContext);
                if (type == ContextType.SECTION && result.status().isSuccess()) {
                    sections.put(target.fileObject(), newContext);
                }
                return result;
            }

            @Override
            public void closeFile(long fileObject) {
                Long section = sections.remove(fileObject);
                if (section != null && inner.inspectContext(section).attached()) {
                    inner.referenceContext(section);
                    kept.add(section);
                }
                inner.closeFile(fileObject);
            }

            @Override
            public void unloadFilter(long filter) {
                inner.unloadFilter(filter);
                kept.forEach(inner::releaseContext);
                kept.clear();
            }
        };
    }
}
