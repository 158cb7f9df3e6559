package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Rounds small variable-size requests up to 16 bytes, so the context is not the size asked for. */
@Breaks(rules = "REG-006", messageContains = {"minifilter portion of 16 bytes", "expected 1"})
public class VariableSizedMinimumOf16 extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                boolean fixedMatch = entriesOf(contextType).stream().anyMatch(e -> !e.isVariableSize() && e.size() == contextSize);
                long size = hasVariable(contextType) && !fixedMatch && contextSize > 0 && contextSize < 16 ? 16 : contextSize;
                return inner.allocateContext(filter, contextType, size, poolType);
            }
        };
    }
}
