package fltkit.runner;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A test the run adds after a profile's scenarios, so JUnit counts what the scenarios alone cannot carry: a
 * kit check's breach after a scenario (KIT-LEAK-001), or a profile with no verdict (or an incomplete one
 * when the run requires a full one).
 */
final class VerdictDescriptor extends AbstractTestDescriptor {
    VerdictDescriptor(UniqueId id, String displayName, TestSource source) {
        super(id, displayName, source);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
