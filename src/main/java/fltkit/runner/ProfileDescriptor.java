package fltkit.runner;

import fltkit.spi.WindowsVersion;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One Windows profile's run of the features: the Cucumber engine's tree for that profile is its child. */
final class ProfileDescriptor extends AbstractTestDescriptor {
    private final WindowsVersion profile;
    private TestDescriptor features;
    /** How many scenarios the Cucumber engine discovered for the profile, before any filter of the launcher. */
    private long discovered;

    ProfileDescriptor(UniqueId id, WindowsVersion profile, TestSource source) {
        super(id, profile.profile(), source);
        this.profile = profile;
    }

    WindowsVersion profile() {
        return profile;
    }

    void features(TestDescriptor cucumberRoot) {
        features = cucumberRoot;
        addChild(cucumberRoot);
        discovered = scenarios();
    }

    long discovered() {
        return discovered;
    }

    /** The scenarios below the profile now: fewer than discovered when a filter of the launcher removed some. */
    long scenarios() {
        return getDescendants().stream().filter(TestDescriptor::isTest).count();
    }

    TestDescriptor features() {
        return features;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }
}
