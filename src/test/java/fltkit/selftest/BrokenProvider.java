package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

/** The reference implementation with one rule broken by a decorator; claims the reference's capabilities. */
public abstract class BrokenProvider extends ReferenceProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("broken: " + getClass().getSimpleName(), "0", "fltkit self-test", "Java");
    }

    @Override
    public final FilterManager create(WindowsVersion version) {
        return breakIt((ReferenceFilterManager) super.create(version), version);
    }

    protected abstract FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version);
}
