package fltkit.reference;

import fltkit.spi.Allocation;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceFilterManagerTest {

    private static long register(ReferenceFilterManager fm, ContextRegistration... entries) {
        return fm.registerFilter(List.of(entries), true).filter();
    }

    @Test
    void aFixedSizeContextHasTheRegisteredSizeAndComesFromTheListOfItsPool() {
        ReferenceFilterManager fm = new ReferenceFilterManager(WindowsVersion.WIN11);
        long filter = register(fm, ContextRegistration.fixed(ContextType.FILE, 64).withFlags(ContextRegistration.NO_EXACT_SIZE_MATCH));
        Allocation paged = fm.allocateContext(filter, ContextType.FILE.value(), 40, PoolType.PAGED_POOL);
        Allocation nonPaged = fm.allocateContext(filter, ContextType.FILE.value(), 40, PoolType.NON_PAGED_POOL);
        ContextState state = fm.inspectContext(paged.returnedContext());
        assertThat(state.size()).isEqualTo(64);
        assertThat(state.referenceCount()).isEqualTo(1);
        assertThat(state.origin()).isEqualTo(ContextOrigin.PAGED_LOOKASIDE);
        assertThat(fm.inspectContext(nonPaged.returnedContext()).origin()).isEqualTo(ContextOrigin.NONPAGED_LOOKASIDE);
    }

    @Test
    void poolAccountingLeavesOutLookasideCachesAndFailuresLeakNothing() {
        ReferenceFilterManager fm = new ReferenceFilterManager(WindowsVersion.WIN10);
        long filter = register(fm, ContextRegistration.fixed(ContextType.STREAM, 32));
        PoolSnapshot before = fm.pool();
        Allocation allocation = fm.allocateContext(filter, ContextType.STREAM.value(), 32, PoolType.PAGED_POOL);
        assertThat(fm.pool().outstandingBlocks()).isEqualTo(before.outstandingBlocks() + 1);
        assertThat(fm.pool().liveContexts()).isEqualTo(1);
        fm.releaseContext(allocation.returnedContext());
        assertThat(fm.pool()).isEqualTo(before);
        fm.failPoolAllocationsAfter(0, 1);
        Allocation failed = fm.allocateContext(filter, ContextType.STREAM.value(), 32, PoolType.PAGED_POOL);
        assertThat(failed).isEqualTo(new Allocation(NtStatus.STATUS_INSUFFICIENT_RESOURCES, 0));
        assertThat(fm.pool()).isEqualTo(before);
    }

    @Test
    void variableSizeContextsAreZeroedFromWindows11Only() {
        for (WindowsVersion version : List.of(WindowsVersion.WIN10, WindowsVersion.WIN11)) {
            ReferenceFilterManager fm = new ReferenceFilterManager(version);
            long filter = register(fm, ContextRegistration.variable(ContextType.STREAM));
            long first = fm.allocateContext(filter, ContextType.STREAM.value(), 16, PoolType.PAGED_POOL).returnedContext();
            fm.writeContext(first, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
            fm.releaseContext(first);
            long second = fm.allocateContext(filter, ContextType.STREAM.value(), 16, PoolType.PAGED_POOL).returnedContext();
            assertThat(second).as("recycled in %s", version).isEqualTo(first);
            byte[] bytes = fm.readContext(second, 0, 16);
            if (version == WindowsVersion.WIN11) {
                assertThat(bytes).containsOnly((byte) 0);
            } else {
                assertThat(bytes[0]).as("old bytes survive in %s", version).isEqualTo((byte) 1);
            }
        }
    }

    @Test
    void theAllocateRoutineGetsTheWholeContextAndTheTeardownStopsAllocation() {
        ReferenceFilterManager fm = new ReferenceFilterManager(WindowsVersion.WIN11);
        long filter = register(fm, ContextRegistration.fixed(ContextType.VOLUME, 0).withAllocateAndFreeCallbacks());
        long context = fm.allocateContext(filter, ContextType.VOLUME.value(), 24, PoolType.NON_PAGED_POOL).returnedContext();
        assertThat(fm.takeCallbackEvents()).singleElement().satisfies(e -> {
            assertThat(e.size()).isEqualTo(ContextNode.HEADER_SIZE + 24);
            assertThat(e.address() + ContextNode.HEADER_SIZE).isEqualTo(context);
        });
        fm.beginFilterTeardown(filter);
        assertThat(fm.allocateContext(filter, ContextType.VOLUME.value(), 24, PoolType.NON_PAGED_POOL).status())
                .isEqualTo(NtStatus.STATUS_FLT_DELETING_OBJECT);
    }
}
