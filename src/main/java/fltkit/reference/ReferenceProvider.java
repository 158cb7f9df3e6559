package fltkit.reference;

import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.util.EnumSet;
import java.util.Set;

/** The kit's reference implementation, selected with {@code -Dfltkit.implementation=reference}. */
public class ReferenceProvider implements FilterManagerProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("fltkit reference model", "0.1.0", "fltkit", "Java");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.CONTEXT_MEMORY, Capability.CONTEXT_INSPECTION, Capability.CALLBACK_EVENTS,
                Capability.ALLOCATE_CALLBACK, Capability.VARIABLE_SIZE, Capability.NO_EXACT_SIZE_MATCH,
                Capability.POOL_ACCOUNTING, Capability.POOL_FAULTS, Capability.FILTER_TEARDOWN,
                Capability.STREAM_SUPPORT_TOGGLE, Capability.IRQL,
                Capability.OBJECTS, Capability.TRANSACTIONS, Capability.SECTIONS, Capability.CALLBACK_DATA);
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new ReferenceFilterManager(version);
    }
}
