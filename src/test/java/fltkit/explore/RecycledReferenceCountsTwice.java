package fltkit.explore;

import fltkit.spi.Allocation;
import fltkit.spi.WindowsVersion;

import java.util.HashSet;
import java.util.Set;

/**
 * A stale count on recycled memory: FltReferenceContext on a context whose memory an earlier context had adds
 * two references instead of one. The fixed scenarios reference only contexts in fresh memory. (A blunter
 * version, a context in recycled memory starting at a count of 2, is caught by the fixed scenarios: REG-003,
 * REG-008 and ZERO-001 to ZERO-004 recycle memory and their leak check, KIT-LEAK-001, finds it still alive.)
 */
public class RecycledReferenceCountsTwice extends DecoratedReference {
    private final Set<Long> handedOut = new HashSet<>();
    private final Set<Long> recycled = new HashSet<>();

    public RecycledReferenceCountsTwice(WindowsVersion version) {
        super(version);
    }

    public static class Provider extends DecoratedReference.Provider {
        public Provider() {
            super("counts references twice on recycled memory", RecycledReferenceCountsTwice::new);
        }
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        Allocation allocation = super.allocateContext(filter, contextType, contextSize, poolType);
        if (allocation.status().isSuccess() && !handedOut.add(allocation.returnedContext())) {
            recycled.add(allocation.returnedContext());
        }
        return allocation;
    }

    @Override
    public void referenceContext(long context) {
        super.referenceContext(context);
        if (recycled.contains(context)) {
            super.referenceContext(context);
        }
    }
}
