package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Builds the context somewhere other than the block the allocate routine returned. */
@Breaks(rules = {"ACB-001", "REG-015", "FREE-003", "FREE-006"}, messageContains = {"which is not inside the block"})
public class AllocateRoutineBlockUnused extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE || e.address() == 0 ? e
                        : CallbackEvent.allocate(e.poolType(), e.size(), e.contextType(), e.address() + 0x100000L, e.irql()));
            }
        };
    }
}
