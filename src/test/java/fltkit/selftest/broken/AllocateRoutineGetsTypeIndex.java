package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Passes the allocate routine the type's bit index (0..6) instead of its FLT_CONTEXT_TYPE value. */
@Breaks(rules = {"ACB-004", "ACB-005", "FREE-003", "FREE-006"}, messageContains = {"the allocate callback was asked for type 0x000", "expected FLT_"})
public class AllocateRoutineGetsTypeIndex extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                        : CallbackEvent.allocate(e.poolType(), e.size(), Integer.numberOfTrailingZeros(e.contextType()), e.address(), e.irql()));
            }
        };
    }
}
