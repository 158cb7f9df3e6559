package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextTarget;
import fltkit.spi.FilterManager;
import fltkit.spi.RelatedContexts;
import fltkit.spi.WindowsVersion;

/** FltGetContexts returns the contexts without referencing them. */
@Breaks(rules = {"REF-006", "REF-007"}, messageContains = {"reference count of 2", "expected 3"})
public class GetContextsTakesNoReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
                RelatedContexts related = inner.getContexts(target, desiredContexts);
                related.contexts().values().forEach(inner::releaseContext);
                return related;
            }
        };
    }
}
