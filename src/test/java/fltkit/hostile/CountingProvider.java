package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.util.concurrent.atomic.AtomicInteger;

/** The reference model, counting the filter managers the kit asks for: one per scenario that runs. */
public class CountingProvider extends ReferenceProvider {
    static final AtomicInteger CREATED = new AtomicInteger();

    @Override
    public FilterManager create(WindowsVersion version) {
        CREATED.incrementAndGet();
        return super.create(version);
    }
}
