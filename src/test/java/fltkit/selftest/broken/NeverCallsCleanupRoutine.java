package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Drops the cleanup routine from every definition, so it never runs. */
@Breaks(rules = {"REG-014", "AUTO-007", "FREE-001", "FREE-003", "FREE-006"}, messageContains = {"the cleanup callback ran 0 time(s)", "expected once"})
public class NeverCallsCleanupRoutine extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            protected List<ContextRegistration> rewrite(List<ContextRegistration> registrations) {
                return registrations == null ? null : registrations.stream()
                        .map(e -> new ContextRegistration(e.contextType(), e.flags(), e.size(), e.poolTag(), false,
                                e.allocateCallback(), e.freeCallback()))
                        .toList();
            }
        };
    }
}
