package fltkit.explore;

import fltkit.spi.Allocation;
import fltkit.spi.WindowsVersion;

import java.util.HashSet;
import java.util.Set;

/**
 * A slow leak: the last release of every 50th context allocated is lost, so the context is never freed and its
 * memory never goes back. No fixed scenario allocates 50 contexts in one filter manager.
 */
public class LeaksEveryFiftieth extends DecoratedReference {
    private int allocations;
    private final Set<Long> leaking = new HashSet<>();

    public LeaksEveryFiftieth(WindowsVersion version) {
        super(version);
    }

    public static class Provider extends DecoratedReference.Provider {
        public Provider() {
            super("leaks every 50th context", LeaksEveryFiftieth::new);
        }
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        Allocation allocation = super.allocateContext(filter, contextType, contextSize, poolType);
        if (allocation.status().isSuccess() && ++allocations % 50 == 0) {
            leaking.add(allocation.returnedContext());
        }
        return allocation;
    }

    @Override
    public void releaseContext(long context) {
        if (leaking.contains(context) && inspectContext(context).referenceCount() == 1) {
            leaking.remove(context);
            return;
        }
        super.releaseContext(context);
    }
}
