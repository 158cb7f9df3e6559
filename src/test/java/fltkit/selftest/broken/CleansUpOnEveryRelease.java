package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Calls the cleanup callback on every release, not only the last. */
@Breaks(rules = {"FREE-002", "FREE-001", "FREE-006", "AUTO-007"}, messageContains = {"while a reference was still held"})
public class CleansUpOnEveryRelease extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Set<Integer> cleanupTypes = new HashSet<>();
            private final List<CallbackEvent> early = new ArrayList<>();

            @Override
            public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                if (registrations != null) {
                    registrations.stream().filter(ContextRegistration::cleanupCallback).forEach(r -> cleanupTypes.add(r.contextType()));
                }
                return inner.registerFilter(registrations, terminated);
            }

            @Override
            public void releaseContext(long context) {
                inner.releaseContext(context);
                ContextState state = inner.inspectContext(context);
                if (state.alive() && cleanupTypes.contains(state.contextType())) {
                    early.add(CallbackEvent.cleanup(context, state.contextType(), Irql.PASSIVE_LEVEL));
                }
            }

            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> events = new ArrayList<>(early);
                early.clear();
                events.addAll(inner.takeCallbackEvents());
                return events;
            }
        };
    }
}
