package fltkit.reference;

import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;


/** The kit's reference implementation, selected with {@code -Dfltkit.implementation=reference}. */
public class ReferenceProvider implements FilterManagerProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("fltkit reference model", "0.1.0", "fltkit", "Java");
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new ReferenceFilterManager(version);
    }
}
