package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** With NO_EXACT_SIZE_MATCH, serves a request from the largest registered size instead of the smallest that fits. */
@Breaks(rules = {"REG-008", "REG-003"}, messageContains = {"minifilter portion of 4096 bytes", "expected 16"})
public class LargestFitWins extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                long largest = entriesOf(contextType).stream()
                        .filter(e -> !e.isVariableSize() && !e.allocateCallback() && e.noExactSizeMatch())
                        .mapToLong(ContextRegistration::size).max().orElse(-1);
                long size = largest >= contextSize ? largest : contextSize;
                return inner.allocateContext(filter, contextType, size, poolType);
            }
        };
    }
}
