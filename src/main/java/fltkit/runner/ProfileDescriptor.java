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
