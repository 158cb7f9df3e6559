package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Hands the free routine the minifilter's portion instead of the block the allocate routine returned. */
@Breaks(rules = {"REG-015", "FREE-003", "FREE-006"}, messageContains = {"the free callback got block", "expected once"})
public class FreeRoutineGetsMinifilterPortion extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.FREE ? e
                        : CallbackEvent.free(e.address() + 0x60, e.contextType(), e.irql()));
            }
        };
    }
}
