package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.RegistrationAwareFilterManager;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.List;

/** Tells the allocate routine a section context is a stream context. */
@Breaks(rules = "ACB-005", profile = "win8", messageContains = {"asked for type 0x0008, expected FLT_SECTION_CONTEXT (0x0040)"})
public class SectionRoutineGetsStreamType extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new RegistrationAwareFilterManager(reference) {
            @Override
            public List<CallbackEvent> takeCallbackEvents() {
                return map(inner.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE || e.contextType() != 0x40 ? e
                        : CallbackEvent.allocate(e.poolType(), e.size(), ContextType.STREAM.value(), e.address(), e.irql()));
            }
        };
    }
}
