package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** Ends the JVM with status 0 when the first scenario asks for a filter manager, as a careless adapter might. */
public class ExitsMidRun extends ReferenceProvider {
    @Override
    public FilterManager create(WindowsVersion version) {
        System.exit(0);
        return super.create(version);
    }
}
