package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.selftest.RoleView;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

/** The reference model implementing no role: scenarios that need one are skipped as not declared. */
public class DeclaresNothing extends ReferenceProvider {
    @Override
    public FilterManager create(WindowsVersion version) {
        return RoleView.without(super.create(version), Capability.values());
    }
}
