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

/** A successful get routine hands the context back without adding a reference. */
@Breaks(rules = {"REF-004", "GET-001", "GET-004", "SEC-001", "SEC-002", "SET-001", "SET-002", "SET-005"}, messageContains = {"reference count of 2", "expected 3"})
public class GetTakesNoReference extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public ContextResult getContext(ContextType type, ContextTarget target) {
                ContextResult result = inner.getContext(type, target);
                if (result.status().isSuccess()) {
                    inner.releaseContext(result.context());
                }
                return result;
            }
        };
    }
}
