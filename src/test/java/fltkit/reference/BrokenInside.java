package fltkit.reference;

import fltkit.spi.WindowsVersion;

/**
 * References broken inside, for the self-tests' broken implementations whose breakage no wrapper around the
 * SPI can produce. Lives in the reference's package because it reaches its internals.
 */
public final class BrokenInside {
    private BrokenInside() {
    }

    /**
     * Paged and nonpaged pool are one memory: a freed block serves either pool, and the lookaside lists cache
     * nothing, so what a fixed-size context leaves goes back to that one memory too.
     */
    public static ReferenceFilterManager oneMemoryForBothPools(WindowsVersion version) {
        return new ReferenceFilterManager(version, new Pool() {
            @Override
            Object recycleKey(int size, boolean paged) {
                return size;
            }

            @Override
            Lookaside lookaside(int entrySize, boolean paged) {
                return new Lookaside(this, entrySize, paged, 0);
            }
        });
    }
}
