package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Calls the allocate routine at DISPATCH_LEVEL. */
@Breaks(rules = {"ACB-007", "FREE-006"}, messageContains = {"ran at DISPATCH_LEVEL, expected APC_LEVEL or below"})
public class AllocateRoutineAtDispatchLevel extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                        : CallbackEvent.allocate(e.poolType(), e.size(), e.contextType(), e.address(), Irql.DISPATCH_LEVEL));
            }
        };
    }
}
