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

/** Frees a context whose last reference went with its object without calling the cleanup callback. */
@Breaks(rules = "AUTO-007", messageContains = {"ran 0 time(s)", "expected once"})
public class TeardownSkipsCleanup extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final List<CallbackEvent> passed = new ArrayList<>();

            @Override
            public void closeFile(long fileObject) {
                passed.addAll(inner.takeCallbackEvents());
                inner.closeFile(fileObject);
                inner.takeCallbackEvents().stream().filter(e -> e.kind() != CallbackEvent.Kind.CLEANUP).forEach(passed::add);
            }

            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                List<CallbackEvent> events = new ArrayList<>(passed);
                passed.clear();
                events.addAll(inner.takeCallbackEvents());
                return events;
            }
        };
    }
}
