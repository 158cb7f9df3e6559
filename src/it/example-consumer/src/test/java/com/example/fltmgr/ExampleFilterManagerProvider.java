package com.example.fltmgr;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

import java.util.EnumSet;
import java.util.Set;

/**
 * The one class an implementer writes: who the implementation is, which optional parts of the SPI it
 * supports, and a fresh instance of it per scenario. It is registered in
 * src/test/resources/META-INF/services/fltkit.spi.FilterManagerProvider.
 *
 * <p>It lives in src/test because the kit is a test dependency: main code cannot implement the SPI.
 * Here the kit's reference model stands in for "your implementation"; a real adapter returns a
 * FilterManager that translates each call to its own code (or to a driver, an emulator, a process).
 */
public class ExampleFilterManagerProvider implements FilterManagerProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("example filter manager", "1.0", "Example Corp", "Java");
    }

    @Override
    public Set<Capability> capabilities() {
        // Scenarios needing anything not listed here are reported "not declared", never failed.
        return EnumSet.of(Capability.CONTEXT_MEMORY, Capability.CONTEXT_INSPECTION, Capability.CALLBACK_EVENTS,
                Capability.ALLOCATE_CALLBACK, Capability.VARIABLE_SIZE, Capability.NO_EXACT_SIZE_MATCH,
                Capability.POOL_ACCOUNTING, Capability.POOL_FAULTS);
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new ReferenceFilterManager(version);
    }
}
