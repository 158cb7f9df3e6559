package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.Capability;

import java.util.Set;

/** The reference model declaring no optional capability: scenarios that need one are skipped as not declared. */
public class DeclaresNothing extends ReferenceProvider {
    @Override
    public Set<Capability> capabilities() {
        return Set.of();
    }
}
