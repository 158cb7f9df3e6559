package fltkit.selftest.broken;

import fltkit.reference.BrokenInside;
import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.Allocation;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.PoolType;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND;
import static fltkit.spi.NtStatus.STATUS_FLT_MUST_BE_NONPAGED_POOL;
import static fltkit.spi.NtStatus.STATUS_INSUFFICIENT_RESOURCES;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;
import static fltkit.spi.NtStatus.STATUS_NOT_SUPPORTED;

/** Broken FltAllocateContext. */
public final class AllocationMutants extends MutantTable {
    public AllocationMutants() {
        super("FltAllocateContext.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Hands every new context back with an extra reference.
                mutant("StartsAtReferenceCountTwo").breaks("ALLOC-001").alsoFails("REG-014", "REG-015")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .allocateContext((ref, filter, type, size, pool) -> {
                            Allocation allocation = ref.allocateContext(filter, type, size, pool);
                            if (allocation.returnedContext() != 0) {
                                ref.referenceContext(allocation.returnedContext());
                            }
                            return allocation;
                        }),
                // A context built in memory an earlier context used keeps that context's last reference: it starts at 2.
                mutant("RecycledMemoryKeepsOldReference").breaks("ALLOC-001").othersMayFail()
                        .says("(recycled memory)", "expected 1")
                        .perScenario(m -> {
                            Set<Long> handedBack = new HashSet<>();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Allocation allocation = ref.allocateContext(filter, type, size, pool);
                                if (allocation.returnedContext() != 0 && !handedBack.add(allocation.returnedContext())) {
                                    ref.referenceContext(allocation.returnedContext());
                                }
                                return allocation;
                            });
                        }),
                // Lets ContextSize above MAXUSHORT through to the size check against the definition.
                mutant("IgnoresMaxUShort").breaks("ALLOC-002").alsoFails("ALLOC-011")
                        .says("STATUS_INVALID_BUFFER_SIZE (0xC0000206)", "STATUS_SUCCESS (0x00000000)")
                        .allocateContext((ref, filter, type, size, pool) -> ref.allocateContext(filter, type, Math.min(size, 0xFFFF), pool)),
                // Treats FLT_TRANSACTION_CONTEXT (0x0020) as an unknown type, as a pre-Vista table would.
                mutant("ForgetsTransactionContexts").breaks("ALLOC-003")
                        .alsoFails("ACB-004", "AUTO-003", "AUTO-006", "DEL-001", "DEL-002", "DEL-003", "DEL-004", "DEL-007", "DEL-008", "FREE-001", "GET-001",
                                "REF-001", "REF-002", "REF-003", "REF-004", "REF-005", "REF-006", "SET-001", "SET-002", "SET-003", "SET-004", "SET-005",
                                "SET-006", "SET-008", "SET-009", "SET-010", "SET-012", "SET-013")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)")
                        .allocateContext((ref, filter, type, size, pool) -> type == ContextType.TRANSACTION.value()
                                ? new Allocation(STATUS_INVALID_PARAMETER, 0) : ref.allocateContext(filter, type, size, pool)),
                // Refuses FLT_SECTION_CONTEXT (0x0040) allocations even from Windows 8 on.
                mutant("NoSectionContexts").breaks("ALLOC-004")
                        .alsoFails("ACB-005", "SEC-001", "SEC-002", "SEC-003", "SEC-004", "SEC-005", "SEC-007", "SEC-008", "SEC-009", "SEC-010").in("win8")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)")
                        .allocateContext((ref, filter, type, size, pool) -> type == ContextType.SECTION.value()
                                ? new Allocation(STATUS_INVALID_PARAMETER, 0) : ref.allocateContext(filter, type, size, pool)),
                // Reads a ContextType with several bits as its lowest bit instead of refusing it.
                mutant("AcceptsCombinedTypeBits").breaks("ALLOC-006")
                        .says("expected STATUS_INVALID_PARAMETER (0xC000000D) or STATUS_NOT_SUPPORTED (0xC00000BB)")
                        .allocateContext((ref, filter, type, size, pool) ->
                                ref.allocateContext(filter, type == 0 ? 0 : Integer.lowestOneBit(type), size, pool)),
                // Before Windows 8 takes 0x0040 for a file context instead of refusing a value that is no context type yet.
                mutant("SectionValueBeforeWindows8").breaks("ALLOC-020").in("win7")
                        .says("expected STATUS_INVALID_PARAMETER (0xC000000D) or STATUS_NOT_SUPPORTED (0xC00000BB)")
                        .allocateContext((ref, filter, type, size, pool) ->
                                ref.allocateContext(filter, type == 0x0040 ? ContextType.FILE.value() : type, size, pool)),
                // Refuses an invalid ContextType with the right status but leaves a stale pointer in ReturnedContext.
                mutant("StalePointerForInvalidType").breaks("ALLOC-006").alsoFails("REG-020")
                        .says("yet handed back context 0xBAD00006")
                        .allocateContext((ref, filter, type, size, pool) -> {
                            Allocation allocation = ref.allocateContext(filter, type, size, pool);
                            boolean invalid = allocation.status().equals(STATUS_INVALID_PARAMETER) || allocation.status().equals(STATUS_NOT_SUPPORTED);
                            return invalid && ContextType.fromValue(type).isEmpty() ? new Allocation(allocation.status(), 0xBAD00006L) : allocation;
                        }),
                // Serves a request far above a type's largest fixed Size with a context of that Size, instead of refusing it.
                mutant("TruncatesOversizedFixedRequests").breaks("ALLOC-007")
                        .says("returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                long largest = registered.of(type).stream().filter(e -> !e.isVariableSize() && !e.allocateCallback())
                                        .mapToLong(e -> e.size()).max().orElse(-1);
                                boolean truncate = largest > 0 && !registered.hasVariable(type) && size > 2 * largest && size <= 0xFFFF;
                                return ref.allocateContext(filter, type, truncate ? largest : size, pool);
                            });
                        }),
                // Keeps allocating for a filter whose teardown has begun.
                mutant("IgnoresFilterTeardown").breaks("ALLOC-009").alsoFails("ALLOC-011")
                        .says("returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_DELETING_OBJECT (0xC01C000B)")
                        .beginFilterTeardown((ref, filter) -> { }),
                // Answers a pool failure with STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND.
                mutant("ReportsPoolFailureAsNotFound").breaks("ALLOC-010").alsoFails("ALLOC-011")
                        .says("returned STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)", "expected STATUS_INSUFFICIENT_RESOURCES (0xC000009A)")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Allocation allocation = ref.allocateContext(filter, type, size, pool);
                                boolean poolFailure = allocation.status().equals(STATUS_INSUFFICIENT_RESOURCES) && !registered.hasAllocateRoutine(type);
                                return poolFailure ? new Allocation(STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND, 0) : allocation;
                            });
                        }),
                // Leaves a stale pointer in ReturnedContext when the allocation fails.
                mutant("HandsBackGarbageOnFailure").breaks("ALLOC-011").alsoFails("ACB-006", "REG-001", "REG-003", "REG-007", "REG-008",
                                "REG-009", "REG-013", "REG-020", "REG-021", "ALLOC-006", "ALLOC-010", "ALLOC-012", "ALLOC-020")
                        .says("yet handed back context 0xBAD00000")
                        .allocateContext((ref, filter, type, size, pool) -> {
                            Allocation allocation = ref.allocateContext(filter, type, size, pool);
                            return allocation.status().isSuccess() ? allocation : new Allocation(allocation.status(), 0xBAD00000L);
                        }),
                // Refuses every context type, not only stream contexts, when the file system lacks per-stream contexts.
                mutant("PerStreamSwitchBlocksEveryType").breaks("ALLOC-012")
                        .says("returned STATUS_NOT_SUPPORTED (0xC00000BB)", "expected STATUS_SUCCESS (0x00000000)")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.allocateContext((ref, filter, type, size, pool) -> perStream.supported()
                                    ? ref.allocateContext(filter, type, size, pool) : new Allocation(STATUS_NOT_SUPPORTED, 0));
                        }),
                // Allocates every context from NonPagedPool, whatever the caller asked for.
                // Its ALLOC-013 failures: a PagedPool context that comes from NonPagedPool, and a context of either pool
                // served from the memory the other left (both really nonpaged); every message names the pools.
                mutant("IgnoresPoolType").breaks("ALLOC-013").alsoFails("ALLOC-014", "ACB-002")
                        .says("PagedPool")
                        .allocateContext((ref, filter, type, size, pool) -> ref.allocateContext(filter, type, size, PoolType.NON_PAGED_POOL)),
                // Keeps its paged and nonpaged lookaside lists the wrong way round: a context of either pool comes from the other's list.
                mutant("LookasideListsOfTheOtherPool").breaks("ALLOC-013").alsoFails("ALLOC-014")
                        .says("_LOOKASIDE or straight from pool (POOL)")
                        .inspectContext((ref, context) -> {
                            ContextState real = ref.inspectContext(context);
                            ContextOrigin swapped = real.origin() == ContextOrigin.PAGED_LOOKASIDE ? ContextOrigin.NONPAGED_LOOKASIDE
                                    : real.origin() == ContextOrigin.NONPAGED_LOOKASIDE ? ContextOrigin.PAGED_LOOKASIDE : real.origin();
                            return new ContextState(real.alive(), real.referenceCount(), real.contextType(), real.size(), real.poolType(),
                                    swapped, real.attached(), real.cleanupCalls());
                        }),
                // Paged and nonpaged pool are one memory: what a released context of one pool leaves comes back for the
                // other, from pool or from one lookaside list per size; every context still says it came from its own pool.
                mutant("OneMemoryForBothPools").breaks("ALLOC-013")
                        .says("served from memory of the other")
                        .over(BrokenInside::oneMemoryForBothPools),
                // Refuses NonPagedPoolNx as if it were an unknown pool type.
                mutant("RejectsNonPagedPoolNx").breaks("ALLOC-014").alsoFails("ZERO-002")
                        .says("returned STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)")
                        .allocateContext((ref, filter, type, size, pool) -> pool == PoolType.NON_PAGED_POOL_NX
                                ? new Allocation(STATUS_INVALID_PARAMETER, 0) : ref.allocateContext(filter, type, size, pool)),
                // Gets the volume pool check backwards for variable-size volume contexts: NonPagedPool is refused.
                mutant("RefusesNonPagedVariableVolumeContexts").breaks("ALLOC-016")
                        .says("returned STATUS_FLT_MUST_BE_NONPAGED_POOL (0xC01C000C)", "expected STATUS_SUCCESS (0x00000000)")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                boolean refuse = type == ContextType.VOLUME.value() && pool == PoolType.NON_PAGED_POOL && registered.hasVariable(type);
                                return refuse ? new Allocation(STATUS_FLT_MUST_BE_NONPAGED_POOL, 0) : ref.allocateContext(filter, type, size, pool);
                            });
                        }));
    }
}
