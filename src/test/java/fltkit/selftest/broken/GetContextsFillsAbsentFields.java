package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.RelatedContexts;
import fltkit.spi.WindowsVersion;
import java.util.EnumMap;
import java.util.Map;

/** FltGetContexts leaves a stale pointer (another returned context) in a requested field it found nothing for. */
@Breaks(rules = "REF-007", messageContains = {"FLT_VOLUME_CONTEXT field", "expected NULL_CONTEXT"})
public class GetContextsFillsAbsentFields extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
                RelatedContexts related = inner.getContexts(target, desiredContexts);
                if ((desiredContexts & ContextType.VOLUME.value()) == 0 || related.get(ContextType.VOLUME) != 0 || related.contexts().isEmpty()) {
                    return related;
                }
                Map<ContextType, Long> stale = new EnumMap<>(related.contexts());
                stale.put(ContextType.VOLUME, related.contexts().values().iterator().next());
                return new RelatedContexts(related.status(), stale);
            }
        };
    }
}
