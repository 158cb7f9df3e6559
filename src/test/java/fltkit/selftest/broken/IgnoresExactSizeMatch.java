package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Treats every fixed-size definition as if it had NO_EXACT_SIZE_MATCH: smaller requests are served. */
@Breaks(rules = {"REG-007", "REG-003", "REG-009"}, messageContains = {"returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)"})
public class IgnoresExactSizeMatch extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            protected List<ContextRegistration> rewrite(List<ContextRegistration> registrations) {
                return registrations == null ? null : registrations.stream()
                        .map(e -> e.isVariableSize() || e.allocateCallback() ? e : e.withFlags(e.flags() | ContextRegistration.NO_EXACT_SIZE_MATCH))
                        .toList();
            }
        };
    }
}
