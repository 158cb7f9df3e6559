package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.Optional;

/** Serves a request from the first fixed-size definition in array order that fits, not the smallest. */
@Breaks(rules = "REG-003", messageContains = {"handed back has a minifilter portion of", "expected 32"})
public class FirstListedFitWins extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                Optional<ContextRegistration> first = entriesOf(contextType).stream()
                        .filter(e -> !e.isVariableSize() && !e.allocateCallback())
                        .filter(e -> e.noExactSizeMatch() ? e.size() >= contextSize : e.size() == contextSize)
                        .findFirst();
                return inner.allocateContext(filter, contextType, first.map(ContextRegistration::size).orElse(contextSize), poolType);
            }
        };
    }
}
