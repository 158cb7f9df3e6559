package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.FilterManager;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Never gives a freed variable-size context's block back to pool (the implementation counts it outstanding). */
@Breaks(rules = {"FREE-004"}, messageContains = {"pool block(s) outstanding", "memory did not go back"}, othersMayFail = true)
public class VariableSizeBlocksNeverReturn extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Set<Integer> variableTypes = new HashSet<>();
            private long leaked;

            @Override
            public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
                if (registrations != null) {
                    registrations.stream().filter(ContextRegistration::isVariableSize).forEach(r -> variableTypes.add(r.contextType()));
                }
                return inner.registerFilter(registrations, terminated);
            }

            @Override
            public void releaseContext(long context) {
                inner.releaseContext(context);
                ContextState state = inner.inspectContext(context);
                if (!state.alive() && variableTypes.contains(state.contextType())) {
                    leaked++;
                }
            }

            @Override
            public PoolSnapshot pool() {
                PoolSnapshot real = inner.pool();
                return new PoolSnapshot(real.outstandingBlocks() + leaked, real.outstandingBytes(), real.liveContexts());
            }
        };
    }
}
