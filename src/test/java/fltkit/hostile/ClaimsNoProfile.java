package fltkit.hostile;

import fltkit.reference.ReferenceProvider;
import fltkit.spi.WindowsVersion;

import java.util.Set;

/** The reference model claiming no Windows profile: every scenario is skipped as not declared. */
public class ClaimsNoProfile extends ReferenceProvider {
    @Override
    public Set<WindowsVersion> windowsVersions() {
        return Set.of();
    }
}
