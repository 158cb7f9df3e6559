package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.List;

/** Frees a context released at DISPATCH_LEVEL at once, running its callbacks at DISPATCH_LEVEL. */
@Breaks(rules = "FREE-006", messageContains = {"above APC_LEVEL"})
public class CleansUpAtDispatch extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private Irql irql = Irql.PASSIVE_LEVEL;
            private final List<CallbackEvent> events = new ArrayList<>();

            @Override
            public void setCallerIrql(Irql newIrql) {
                irql = newIrql;
                inner.setCallerIrql(newIrql);
            }

            @Override
            public void releaseContext(long context) {
                if (irql != Irql.DISPATCH_LEVEL) {
                    inner.releaseContext(context);
                    return;
                }
                events.addAll(inner.takeCallbackEvents());
                inner.releaseContext(context);
                inner.runDeferredWork();
                for (CallbackEvent e : inner.takeCallbackEvents()) {
                    events.add(new CallbackEvent(e.kind(), e.poolType(), e.size(), e.contextType(), e.address(), Irql.DISPATCH_LEVEL));
                }
            }

            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> taken = new ArrayList<>(events);
                events.clear();
                taken.addAll(inner.takeCallbackEvents());
                return taken;
            }
        };
    }
}
