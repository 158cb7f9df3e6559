package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Asks the allocate routine for the minifilter's portion only, forgetting the filter manager's header. */
@Breaks(rules = {"ACB-003", "ACB-001"}, messageContains = {"expected more than"})
public class AllocateRoutineGetsMinifilterSize extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                        : CallbackEvent.allocate(e.poolType(), e.size() - 0x60, e.contextType(), e.address(), e.irql()));
            }
        };
    }
}
