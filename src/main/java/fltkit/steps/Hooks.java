package fltkit.steps;

import fltkit.rules.Outcome;
import fltkit.rules.Tags;
import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.rules.WindowsRange;
import fltkit.spi.Capability;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

/**
 * Decides whether a scenario runs: outside the profile's Windows range it is "not applicable", needing
 * a capability the implementation does not declare it is "not declared". Both are skips whose message
 * starts with a machine-readable reason the reports bucket by.
 */
public class Hooks {
    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @Before(order = 0)
    public void gate(Scenario scenario) {
        WindowsVersion profile = KitSettings.profile();
        FilterManagerProvider provider = Implementations.load();
        WindowsRange range = WindowsRange.ALL;
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith(Tags.WINDOWS)) {
                range = WindowsRange.parse(tag.substring(Tags.WINDOWS.length()));
            }
        }
        if (!range.contains(profile)) {
            throw new TestAbortedException(Outcome.NOT_APPLICABLE.marker() + " the rule applies to Windows " + range
                    + "; this run uses the " + profile.profile() + " profile");
        }
        if (!provider.windowsVersions().contains(profile)) {
            throw new TestAbortedException(Outcome.NOT_DECLARED.marker() + " " + provider.info().name()
                    + " does not claim the " + profile.profile() + " profile");
        }
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith(Tags.NEEDS)) {
                Capability capability = Capability.fromTag(tag.substring(Tags.NEEDS.length()));
                if (!provider.capabilities().contains(capability)) {
                    throw new TestAbortedException(Outcome.NOT_DECLARED.marker() + " needs capability '" + capability.tag() + "', which "
                            + provider.info().name() + " does not declare");
                }
            }
        }
        world.begin(scenario, provider, profile);
    }

    @After(order = 0)
    public void close() {
        world.end();
    }
}
