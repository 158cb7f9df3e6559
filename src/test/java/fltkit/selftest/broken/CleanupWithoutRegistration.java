package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.List;

/** Reports a cleanup call for every freed context, even where the definition registered no cleanup callback. */
@Breaks(rules = "FREE-005", messageContains = {"although none was registered"})
public class CleanupWithoutRegistration extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final List<CallbackEvent> extra = new ArrayList<>();

            @Override
            public void releaseContext(long context) {
                inner.releaseContext(context);
                ContextState state = inner.inspectContext(context);
                if (!state.alive() && state.cleanupCalls() == 0) {
                    extra.add(CallbackEvent.cleanup(context, state.contextType(), Irql.PASSIVE_LEVEL));
                }
            }

            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> events = new ArrayList<>(inner.takeCallbackEvents());
                events.addAll(extra);
                extra.clear();
                return events;
            }
        };
    }
}
