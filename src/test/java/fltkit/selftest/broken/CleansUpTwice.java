package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.List;

/** Calls the cleanup callback twice for every context it frees. */
@Breaks(rules = {"FREE-001", "FREE-002", "FREE-003", "FREE-006", "AUTO-007", "REG-013", "REG-014"}, messageContains = {"ran 2 time(s)", "expected once"})
public class CleansUpTwice extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> doubled = new ArrayList<>();
                for (CallbackEvent event : inner.takeCallbackEvents()) {
                    doubled.add(event);
                    if (event.kind() == CallbackEvent.Kind.CLEANUP) {
                        doubled.add(event);
                    }
                }
                return doubled;
            }

            @Override
            public ContextState inspectContext(long context) {
                ContextState s = inner.inspectContext(context);
                return new ContextState(s.alive(), s.referenceCount(), s.contextType(), s.size(), s.poolType(), s.origin(), s.attached(),
                        s.cleanupCalls() * 2);
            }
        };
    }
}
