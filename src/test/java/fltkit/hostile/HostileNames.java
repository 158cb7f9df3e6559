package fltkit.hostile;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

/**
 * The reference model under a name, version and vendor that try to run script in every page that shows
 * them, and with a FltAllocateContext that throws with such a message (so the scenarios that allocate
 * are broken with it). A page that runs any of it sets document.title to {@link #PWNED}.
 */
public class HostileNames extends ReferenceProvider {
    public static final String PWNED = "PWNED";
    static final String SCRIPT = "</title></script><script>document.title='" + PWNED + "'</script>"
            + "<img src=x onerror=\"document.title='" + PWNED + "'\">";

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("evil " + SCRIPT, "1.0" + SCRIPT, "vendor" + SCRIPT, "Java" + SCRIPT);
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new ReferenceFilterManager(version) {
            @Override
            public synchronized Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                throw new IllegalStateException("adapter says " + SCRIPT);
            }
        };
    }
}
