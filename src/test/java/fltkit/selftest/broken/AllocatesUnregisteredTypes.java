package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.List;

/** Quietly adds a variable-size definition for every type the minifilter did not register. */
@Breaks(rules = {"REG-001", "ALLOC-011"}, messageContains = {"STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)", "STATUS_SUCCESS (0x00000000)"})
public class AllocatesUnregisteredTypes extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            protected List<ContextRegistration> rewrite(List<ContextRegistration> registrations) {
                List<ContextRegistration> all = new ArrayList<>(registrations == null ? List.of() : registrations);
                for (ContextType type : ContextType.values()) {
                    if (type.existsOn(version) && all.stream().noneMatch(e -> e.contextType() == type.value())) {
                        all.add(ContextRegistration.variable(type));
                    }
                }
                return all;
            }
        };
    }
}
