package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Serves a request far above a type's largest fixed Size with a context of that Size, instead of refusing it. */
@Breaks(rules = "ALLOC-007", messageContains = {"returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)"})
public class TruncatesOversizedFixedRequests extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                long largest = entriesOf(contextType).stream().filter(e -> !e.isVariableSize() && !e.allocateCallback())
                        .mapToLong(e -> e.size()).max().orElse(-1);
                boolean truncate = largest > 0 && !hasVariable(contextType) && contextSize > 2 * largest && contextSize <= 0xFFFF;
                return inner.allocateContext(filter, contextType, truncate ? largest : contextSize, poolType);
            }
        };
    }
}
