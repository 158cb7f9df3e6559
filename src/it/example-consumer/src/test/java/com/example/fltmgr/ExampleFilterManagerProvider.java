package com.example.fltmgr;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

/**
 * The one class an implementer writes: who the implementation is and a fresh instance of it per scenario
 * (the role interfaces the instance implements are its capabilities). It is registered in
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
    public FilterManager create(WindowsVersion version) {
        return new ReferenceFilterManager(version);
    }
}
