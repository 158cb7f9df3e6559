package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Refuses a fixed-size definition of Size 0, which the registration page calls valid. */
@Breaks(rules = {"REG-004", "ALLOC-008"}, messageContains = {"STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)"})
public class RejectsZeroSizedDefinitions extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                if (registrations != null && registrations.stream().anyMatch(e -> e.size() == 0 && !e.allocateCallback())) {
                    return new Registration(NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0);
                }
                return inner.registerFilter(registrations, terminated);
            }
        };
    }
}
