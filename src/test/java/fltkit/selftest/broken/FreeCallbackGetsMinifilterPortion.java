package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.List;

/** Passes the free callback the minifilter portion instead of the block the allocate callback returned. */
@Breaks(rules = {"FREE-003", "FREE-006", "REG-015"}, messageContains = {"the one the allocate callback returned for"})
public class FreeCallbackGetsMinifilterPortion extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> events = new ArrayList<>();
                for (CallbackEvent e : inner.takeCallbackEvents()) {
                    events.add(e.kind() == CallbackEvent.Kind.FREE ? CallbackEvent.free(e.address() + 0x60, e.contextType(), e.irql()) : e);
                }
                return events;
            }
        };
    }
}
