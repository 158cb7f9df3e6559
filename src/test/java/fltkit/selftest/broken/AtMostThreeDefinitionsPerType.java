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
import java.util.Map;
import java.util.stream.Collectors;

/** Counts the variable-size definition against the three fixed sizes, so three fixed plus one variable is refused. */
@Breaks(rules = "REG-009", messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)"})
public class AtMostThreeDefinitionsPerType extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                if (registrations != null) {
                    Map<Integer, Long> perType = registrations.stream()
                            .collect(Collectors.groupingBy(ContextRegistration::contextType, Collectors.counting()));
                    if (perType.values().stream().anyMatch(n -> n > 3)) {
                        return new Registration(NtStatus.STATUS_INVALID_PARAMETER, 0);
                    }
                }
                return inner.registerFilter(registrations, terminated);
            }
        };
    }
}
