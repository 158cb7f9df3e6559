package fltkit.steps;

import fltkit.runner.KitSettings;
import fltkit.runner.WindowsRange;
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
    public static final String NOT_APPLICABLE = "[not-applicable]";
    public static final String NOT_DECLARED = "[not-declared]";
    public static final String UNTESTABLE = "[untestable]";

    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @Before(order = 0)
    public void gate(Scenario scenario) {
        WindowsVersion profile = KitSettings.profile();
        FilterManagerProvider provider = World.loadProvider();
        WindowsRange range = WindowsRange.ALL;
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@windows:")) {
                range = WindowsRange.parse(tag.substring("@windows:".length()));
            }
        }
        if (!range.contains(profile)) {
            throw new TestAbortedException(NOT_APPLICABLE + " the rule applies to Windows " + range
                    + "; this run uses the " + profile.profile() + " profile");
        }
        if (!provider.windowsVersions().contains(profile)) {
            throw new TestAbortedException(NOT_DECLARED + " " + provider.info().name()
                    + " does not claim the " + profile.profile() + " profile");
        }
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith("@needs:")) {
                Capability capability = Capability.fromTag(tag.substring("@needs:".length()));
                if (!provider.capabilities().contains(capability)) {
                    throw new TestAbortedException(NOT_DECLARED + " needs capability '" + capability.tag() + "', which "
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
