package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;

import java.util.function.Supplier;

/**
 * A filter manager that remembers whether the file system supports per-stream contexts, so a broken
 * implementation can run one routine as if it did ({@link #asIfSupported}).
 */
public class PerStreamSupportIgnored extends DelegatingFilterManager {
    private boolean supported = true;

    public PerStreamSupportIgnored(ReferenceFilterManager inner) {
        super(inner);
    }

    @Override
    public void setPerStreamContextSupport(boolean isSupported) {
        supported = isSupported;
        inner.setPerStreamContextSupport(isSupported);
    }

    /** Runs the call with per-stream support switched on underneath, whatever the scenario set. */
    protected <T> T asIfSupported(Supplier<T> call) {
        if (supported) {
            return call.get();
        }
        inner.setPerStreamContextSupport(true);
        try {
            return call.get();
        } finally {
            inner.setPerStreamContextSupport(false);
        }
    }
}
