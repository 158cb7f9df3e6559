package com.example.fltmgr;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.WindowsVersion;

/**
 * The example consumer's adapter over an implementation with one deliberate bug: its ContextSize
 * check is off by one, so a context of MAXUSHORT + 1 bytes is allocated instead of failing with
 * STATUS_INVALID_BUFFER_SIZE. The kit must catch it under rule ALLOC-002.
 */
public class ExampleFilterManagerProvider implements FilterManagerProvider {

    @Override
    public ImplementationInfo info() {
        return new ImplementationInfo("example filter manager (off-by-one size check)", "1.0", "Example Corp", "Java");
    }

    @Override
    public FilterManager create(WindowsVersion version) {
        return new OffByOne(version);
    }

    /** The bug: ContextSize is compared with MAXUSHORT + 1 instead of MAXUSHORT. */
    static final class OffByOne extends ReferenceFilterManager {
        OffByOne(WindowsVersion version) {
            super(version);
        }

        @Override
        public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
            long checked = contextSize == 0x10000 ? 0xFFFF : contextSize;
            return super.allocateContext(filter, contextType, checked, poolType);
        }
    }
}
