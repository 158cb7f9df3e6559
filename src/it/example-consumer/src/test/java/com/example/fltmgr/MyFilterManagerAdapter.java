package com.example.fltmgr;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;

import java.util.List;

/**
 * Translates the kit's five required calls into your implementation's. The kit's reference model stands in for
 * "your implementation" here: replace {@code ReferenceFilterManager} with your own class. Each optional role
 * interface this class also implements (ContextInspection, CallbackEvents, ...) unlocks more rules.
 */
public class MyFilterManagerAdapter implements FilterManager {
    private final ReferenceFilterManager impl;

    public MyFilterManagerAdapter(WindowsVersion version) {
        this.impl = new ReferenceFilterManager(version);
    }

    @Override
    public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
        return impl.registerFilter(registrations, terminated);
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        return impl.allocateContext(filter, contextType, contextSize, poolType);
    }

    @Override
    public void referenceContext(long context) {
        impl.referenceContext(context);
    }

    @Override
    public void releaseContext(long context) {
        impl.releaseContext(context);
    }

    @Override
    public void deleteContext(long context) {
        impl.deleteContext(context);
    }

    @Override
    public void close() {
        impl.close();
    }
}
