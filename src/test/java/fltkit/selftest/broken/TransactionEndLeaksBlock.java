package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.FilterManager;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.WindowsVersion;

/**
 * Loses a pool block whenever a transaction ends. No rule's own steps look at the pool there: only the
 * end-of-scenario leak check (KIT-LEAK-001) can catch it, which is what this implementation proves.
 */
@Breaks(rules = "KIT-LEAK-001", messageContains = {"KIT-LEAK-001", "pool block(s) still outstanding"})
public class TransactionEndLeaksBlock extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private long lost;

            @Override
            public void endTransaction(long transaction, boolean commit) {
                inner.endTransaction(transaction, commit);
                lost++;
            }

            @Override
            public PoolSnapshot pool() {
                PoolSnapshot real = inner.pool();
                return new PoolSnapshot(real.outstandingBlocks() + lost, real.outstandingBytes(), real.liveContexts());
            }
        };
    }
}
