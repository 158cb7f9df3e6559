package com.example.fltmgr;

import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

/** Names the implementation and hands the kit a fresh instance of it per scenario. */
public class MyFilterManagerProvider implements FilterManagerProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("my filter manager", "1.0", "Example Corp", "Java");
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new MyFilterManagerAdapter(version);
    }
}
