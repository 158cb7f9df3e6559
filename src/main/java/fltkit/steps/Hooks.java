package fltkit.steps;

import fltkit.rules.Level;
import fltkit.rules.Outcome;
import fltkit.rules.Tags;
import fltkit.rules.WindowsRange;
import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.spi.Capability;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

import java.util.Set;

/**
 * Decides whether a scenario runs: outside the profile's Windows range it is "not applicable"; for a
 * profile the implementation does not claim, or needing a role the implementation does not implement, it
 * is "not declared". Both are skips whose message starts with the outcome's marker, which the reports
 * bucket by. A scenario that runs gets a fresh filter manager, closed at its end.
 */
public class Hooks {
    private final ScenarioState state;

    public Hooks(ScenarioState state) {
        this.state = state;
    }

    @Before(order = 0)
    public void gate(Scenario scenario) {
        WindowsVersion profile = KitSettings.profile();
        FilterManagerProvider provider = Implementations.load();
        WindowsRange range = WindowsRange.ALL;
        Level level = Level.MUST;
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith(Tags.WINDOWS)) {
                range = WindowsRange.parse(tag.substring(Tags.WINDOWS.length()));
            }
            level = Tags.LEVELS.getOrDefault(tag, level);
        }
        state.describe(scenario, level);
        if (!range.contains(profile)) {
            throw new TestAbortedException(Outcome.NOT_APPLICABLE.marker() + " the rule applies to Windows " + range
                    + "; this run uses the " + profile.profile() + " profile");
        }
        if (!provider.windowsVersions().contains(profile)) {
            throw new TestAbortedException(Outcome.NOT_DECLARED.marker() + " " + provider.info().name()
                    + " does not claim the " + profile.profile() + " profile");
        }
        Set<Capability> declared = state.start(provider, profile);
        for (String tag : scenario.getSourceTagNames()) {
            if (tag.startsWith(Tags.NEEDS)) {
                Capability capability = Capability.fromTag(tag.substring(Tags.NEEDS.length()));
                if (!declared.contains(capability)) {
                    throw new TestAbortedException(Outcome.NOT_DECLARED.marker() + " needs capability '" + capability.tag()
                            + "' (" + capability.role().getSimpleName() + "), which " + provider.info().name()
                            + " does not implement");
                }
            }
        }
    }

    @After(order = 0)
    public void close() {
        state.end();
    }
}
