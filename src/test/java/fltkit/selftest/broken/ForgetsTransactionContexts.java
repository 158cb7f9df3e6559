package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

/** Treats FLT_TRANSACTION_CONTEXT (0x0020) as an unknown type, as a pre-Vista table would. */
@Breaks(rules = {"ALLOC-003", "ACB-004", "AUTO-003", "AUTO-006", "DEL-001", "DEL-002", "DEL-004", "DEL-007", "FREE-001", "GET-001", "REF-003", "REF-004", "REF-005", "SET-001", "SET-002", "SET-004", "SET-005", "SET-008", "SET-012"}, messageContains = {"STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)"})
public class ForgetsTransactionContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            @Override
            public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
                return contextType == ContextType.TRANSACTION.value() ? new Allocation(NtStatus.STATUS_INVALID_PARAMETER, 0)
                        : inner.allocateContext(filter, contextType, contextSize, poolType);
            }
        };
    }
}
