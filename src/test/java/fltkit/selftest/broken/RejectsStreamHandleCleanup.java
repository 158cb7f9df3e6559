package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Refuses a stream-handle definition with a cleanup routine, as the CTX sample registers it. */
@Breaks(rules = {"REG-013", "FREE-001"}, messageContains = {"STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)"})
public class RejectsStreamHandleCleanup extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                if (registrations != null && registrations.stream()
                        .anyMatch(e -> e.contextType() == ContextType.STREAMHANDLE.value() && e.cleanupCallback())) {
                    return new Registration(NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0);
                }
                return inner.registerFilter(registrations, terminated);
            }
        };
    }
}
