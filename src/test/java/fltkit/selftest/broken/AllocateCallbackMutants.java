package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.PoolType;

import java.util.List;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_INSUFFICIENT_RESOURCES;

/** Broken calls of the minifilter's own allocate routine (definitions with an allocate callback). */
public final class AllocateCallbackMutants extends MutantTable {
    public AllocateCallbackMutants() {
        super("ContextAllocateCallback.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Builds the context somewhere other than the block the allocate routine returned.
                mutant("AllocateRoutineBlockUnused").breaks("ACB-001").alsoFails("REG-015", "FREE-003", "FREE-006")
                        .says("which is not inside the block")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE || e.address() == 0 ? e
                                : CallbackEvent.allocate(e.poolType(), e.size(), e.contextType(), e.address() + 0x100000L, e.irql()))),
                // Asks the minifilter's allocate routine for PagedPool for every type but volume contexts, whatever the caller asked for.
                mutant("PassesPagedPoolToAllocateRoutine").breaks("ACB-002")
                        .says("asked for PagedPool, expected NonPagedPool")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> ref.allocateContext(filter, type, size,
                                    registered.hasAllocateRoutine(type) && type != ContextType.VOLUME.value() ? PoolType.PAGED_POOL : pool));
                        }),
                // Asks the allocate routine for the minifilter's portion only, forgetting the filter manager's header.
                mutant("AllocateRoutineGetsMinifilterSize").breaks("ACB-003").alsoFails("ACB-001", "ACB-009")
                        .says("expected more than")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                                : CallbackEvent.allocate(e.poolType(), e.size() - 0x60, e.contextType(), e.address(), e.irql()))),
                // Rounds the Size it asks the allocate routine for up to a multiple of 64, so the padding depends on ContextSize.
                mutant("AllocateRoutineSizeRoundedUp").breaks("ACB-009")
                        .says("expected Size = ContextSize + one fixed portion")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                                : CallbackEvent.allocate(e.poolType(), (e.size() + 63) & ~63L, e.contextType(), e.address(), e.irql()))),
                // Passes the allocate routine the type's bit index (0..6) instead of its FLT_CONTEXT_TYPE value.
                mutant("AllocateRoutineGetsTypeIndex").breaks("ACB-004").alsoFails("ACB-005", "FREE-003", "FREE-006", "REG-019")
                        .says("the allocate callback was asked for type 0x000", "expected FLT_")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                                : CallbackEvent.allocate(e.poolType(), e.size(), Integer.numberOfTrailingZeros(e.contextType()), e.address(), e.irql()))),
                // Tells the allocate routine a section context is a stream context.
                mutant("SectionRoutineGetsStreamType").breaks("ACB-005").in("win8")
                        .says("asked for type 0x0008, expected FLT_SECTION_CONTEXT (0x0040)")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE || e.contextType() != 0x40 ? e
                                : CallbackEvent.allocate(e.poolType(), e.size(), ContextType.STREAM.value(), e.address(), e.irql()))),
                // When the allocate routine returns NULL, tries again instead of failing the allocation.
                mutant("FallsBackToPoolWhenRoutineReturnsNull").breaks("ACB-006")
                        .says("returned STATUS_SUCCESS (0x00000000)", "expected STATUS_INSUFFICIENT_RESOURCES (0xC000009A)")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Allocation allocation = ref.allocateContext(filter, type, size, pool);
                                boolean retry = allocation.status().equals(STATUS_INSUFFICIENT_RESOURCES) && registered.hasAllocateRoutine(type);
                                return retry ? ref.allocateContext(filter, type, size, pool) : allocation;
                            });
                        }),
                // Calls the allocate routine at DISPATCH_LEVEL.
                mutant("AllocateRoutineAtDispatchLevel").breaks("ACB-007").alsoFails("FREE-006")
                        .says("ran at DISPATCH_LEVEL, expected APC_LEVEL or below")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.ALLOCATE ? e
                                : CallbackEvent.allocate(e.poolType(), e.size(), e.contextType(), e.address(), Irql.DISPATCH_LEVEL))));
    }
}
