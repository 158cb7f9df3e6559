package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.Registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND;
import static fltkit.spi.NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;

/** Broken context registration (FLT_CONTEXT_REGISTRATION) and the choice of definition. */
public final class RegistrationMutants extends MutantTable {
    public RegistrationMutants() {
        super("ContextRegistration.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Quietly adds a variable-size definition for every type the minifilter did not register.
                mutant("AllocatesUnregisteredTypes").breaks("REG-001").alsoFails("ALLOC-011")
                        .says("STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)", "STATUS_SUCCESS (0x00000000)")
                        .perScenario(m -> m.registerFilter((ref, registrations, terminated) -> {
                            List<ContextRegistration> all = new ArrayList<>(registrations == null ? List.of() : registrations);
                            for (ContextType type : ContextType.values()) {
                                if (type.existsOn(m.version()) && all.stream().noneMatch(e -> e.contextType() == type.value())) {
                                    all.add(ContextRegistration.variable(type));
                                }
                            }
                            return ref.registerFilter(all, terminated);
                        })),
                // Leaves a stale pointer in ReturnedContext when no definition of the type was registered.
                mutant("StalePointerForUnregisteredType").breaks("REG-001").alsoFails("ALLOC-011")
                        .says("yet handed back context 0xBAD00001")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Allocation allocation = ref.allocateContext(filter, type, size, pool);
                                return allocation.status().equals(STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND) && registered.of(type).isEmpty()
                                        ? new Allocation(allocation.status(), 0xBAD00001L) : allocation;
                            });
                        }),
                // Serves a request from the first fixed-size definition in array order that fits, not the smallest.
                mutant("FirstListedFitWins").breaks("REG-003")
                        .says("handed back has a minifilter portion of")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                Optional<ContextRegistration> first = registered.of(type).stream()
                                        .filter(e -> !e.isVariableSize() && !e.allocateCallback())
                                        .filter(e -> e.noExactSizeMatch() ? e.size() >= size : e.size() == size)
                                        .findFirst();
                                return ref.allocateContext(filter, type, first.map(ContextRegistration::size).orElse(size), pool);
                            });
                        }),
                // Refuses a fixed-size definition of Size 0, which the registration page calls valid.
                mutant("RejectsZeroSizedDefinitions").breaks("REG-004").alsoFails("ALLOC-008")
                        .says("STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)")
                        .registerFilter((ref, registrations, terminated) ->
                                registrations != null && registrations.stream().anyMatch(e -> e.size() == 0 && !e.allocateCallback())
                                        ? new Registration(STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0)
                                        : ref.registerFilter(registrations, terminated)),
                // Holds a definition with allocate and free routines to the MAXUSHORT limit of Size, which such a definition ignores.
                mutant("LimitsSizeOfRoutineDefinitions").breaks("REG-022")
                        .says("STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)")
                        .registerFilter((ref, registrations, terminated) ->
                                registrations != null && registrations.stream().anyMatch(e -> e.allocateCallback()
                                        && e.size() > ContextRegistration.MAXUSHORT)
                                        ? new Registration(STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0)
                                        : ref.registerFilter(registrations, terminated)),
                // Rounds small variable-size requests up to 16 bytes, so the context is not the size asked for.
                mutant("VariableSizedMinimumOf16").breaks("REG-006")
                        .says("minifilter portion of 16 bytes", "expected 1")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                boolean fixedMatch = registered.of(type).stream().anyMatch(e -> !e.isVariableSize() && e.size() == size);
                                boolean small = registered.hasVariable(type) && !fixedMatch && size > 0 && size < 16;
                                return ref.allocateContext(filter, type, small ? 16 : size, pool);
                            });
                        }),
                // Treats every fixed-size definition as if it had NO_EXACT_SIZE_MATCH: smaller requests are served.
                mutant("IgnoresExactSizeMatch").breaks("REG-007").alsoFails("REG-003", "REG-009")
                        .says("returned STATUS_SUCCESS (0x00000000)", "expected STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (0xC01C0016)")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : registrations.stream().map(e -> e.isVariableSize() || e.allocateCallback() ? e
                                        : e.withFlags(e.flags() | ContextRegistration.NO_EXACT_SIZE_MATCH)).toList(), terminated)),
                // With NO_EXACT_SIZE_MATCH, serves a request from the largest registered size instead of the smallest that fits.
                mutant("LargestFitWins").breaks("REG-008").alsoFails("REG-003")
                        .says("minifilter portion of 4096 bytes", "expected 16")
                        .perScenario(m -> {
                            var registered = m.remembersRegistrations();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                long largest = registered.of(type).stream()
                                        .filter(e -> !e.isVariableSize() && !e.allocateCallback() && e.noExactSizeMatch())
                                        .mapToLong(ContextRegistration::size).max().orElse(-1);
                                return ref.allocateContext(filter, type, largest >= size ? largest : size, pool);
                            });
                        }),
                // Counts the variable-size definition against the three fixed sizes, so three fixed plus one variable is refused.
                mutant("AtMostThreeDefinitionsPerType").breaks("REG-009").alsoFails("REG-021")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "expected STATUS_SUCCESS (0x00000000)")
                        .registerFilter((ref, registrations, terminated) -> {
                            if (registrations != null) {
                                Map<Integer, Long> perType = registrations.stream()
                                        .collect(Collectors.groupingBy(ContextRegistration::contextType, Collectors.counting()));
                                if (perType.values().stream().anyMatch(n -> n > 3)) {
                                    return new Registration(STATUS_INVALID_PARAMETER, 0);
                                }
                            }
                            return ref.registerFilter(registrations, terminated);
                        }),
                // Refuses a stream-handle definition with a cleanup routine, as the CTX sample registers it.
                mutant("RejectsStreamHandleCleanup").breaks("REG-013").alsoFails("FREE-001")
                        .says("STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)")
                        .registerFilter((ref, registrations, terminated) -> registrations != null && registrations.stream()
                                .anyMatch(e -> e.contextType() == ContextType.STREAMHANDLE.value() && e.cleanupCallback())
                                ? new Registration(STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0)
                                : ref.registerFilter(registrations, terminated)),
                // Drops the cleanup routine from every definition, so it never runs.
                mutant("NeverCallsCleanupRoutine").breaks("REG-014").alsoFails("AUTO-007", "FREE-001", "FREE-003", "FREE-006", "REG-003", "REG-009",
                                "REG-018", "REG-021")
                        .says("the cleanup callback ran 0 time(s)", "expected once")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : registrations.stream().map(e -> new ContextRegistration(e.contextType(), e.flags(), e.size(), e.poolTag(),
                                        false, e.allocateCallback(), e.freeCallback())).toList(), terminated)),
                // Lets a variable-size definition listed before the fixed ones of its type serve every request of that type.
                mutant("VariableListedFirstShadowsFixed").breaks("REG-003")
                        .says("the context FltAllocateContext(FLT_STREAM_CONTEXT")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : shadowedByLeadingVariable(registrations), terminated)),
                // Keeps one buffer for the contexts of a definition that are alive at once: each reads what was written last into any.
                mutant("LiveContextsShareOneBuffer").breaks("REG-004")
                        .says("no longer holds the bytes written into it", "contexts alive at once share memory")
                        .perScenario(m -> {
                            Map<Long, byte[]> written = new java.util.LinkedHashMap<>();
                            m.writeContext((ref, context, offset, data) -> {
                                ref.writeContext(context, offset, data);
                                written.remove(context);
                                written.put(context, data.clone());
                            });
                            m.readContext((ref, context, offset, length) -> {
                                byte[] own = ref.readContext(context, offset, length);
                                Long last = written.keySet().stream().reduce((a, b) -> b).orElse(null);
                                boolean shared = last != null && last != context && written.containsKey(context) && offset == 0
                                        && written.get(last).length == length && ref.inspectContext(last).alive();
                                return shared ? written.get(last).clone() : own;
                            });
                        }),
                // Clamps a fixed-size definition above MAXUSHORT to MAXUSHORT and registers the array.
                mutant("ClampsOversizedDefinitions").breaks("REG-016")
                        .says("expected a failure status: the documents allow no such array")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : registrations.stream().map(e -> e.isVariableSize() || Long.compareUnsigned(e.size(), 0xFFFF) <= 0 ? e
                                        : new ContextRegistration(e.contextType(), e.flags(), 0xFFFF, e.poolTag(), e.cleanupCallback(),
                                                e.allocateCallback(), e.freeCallback())).toList(), terminated)),
                // Keeps the first three fixed sizes of a type and silently drops the rest.
                mutant("DropsFourthFixedSize").breaks("REG-017")
                        .says("expected a failure status: the documents allow no such array")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : firstThreeFixedSizes(registrations), terminated)),
                // Of two definitions of one type and size, keeps the one listed last.
                mutant("LastDuplicateSizeWins").breaks("REG-018")
                        .says("the first FLT_FILE_CONTEXT definition in the array")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : lastOfEachSize(registrations), terminated)),
                // Registers an allocate routine beside other definitions of its type by dropping the others.
                mutant("AllocateRoutineCrowdsOutOthers").breaks("REG-019")
                        .says("expected a failure status: the documents allow no such array")
                        .registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                : registrations.stream().filter(e -> e.allocateCallback() || registrations.stream().noneMatch(o ->
                                        o.contextType() == e.contextType() && o.allocateCallback())).toList(), terminated)),
                // Takes a definition of a value that is no context type as a file context definition, and serves the value from it.
                mutant("UnknownTypeServedAsFile").breaks("REG-020")
                        .says("expected STATUS_INVALID_PARAMETER (0xC000000D) or STATUS_NOT_SUPPORTED")
                        .perScenario(m -> {
                            List<Integer> adopted = new ArrayList<>();
                            m.registerFilter((ref, registrations, terminated) -> ref.registerFilter(registrations == null ? null
                                    : registrations.stream().map(e -> {
                                        if (ContextType.fromValue(e.contextType()).filter(t -> t.existsOn(m.version())).isPresent()) {
                                            return e;
                                        }
                                        adopted.add(e.contextType());
                                        return new ContextRegistration(ContextType.FILE.value(), e.flags(), e.size(), e.poolTag(),
                                                e.cleanupCallback(), e.allocateCallback(), e.freeCallback());
                                    }).toList(), terminated));
                            m.allocateContext((ref, filter, type, size, pool) -> ref.allocateContext(filter,
                                    adopted.contains(type) ? ContextType.FILE.value() : type, size, pool));
                        }),
                // Refuses an array in which one definition is listed twice, which the structure's page says to ignore.
                mutant("RefusesIdenticalEntries").breaks("REG-021")
                        .says("STATUS_FLT_INVALID_CONTEXT_REGISTRATION (0xC01C0017)", "expected STATUS_SUCCESS (0x00000000)")
                        .registerFilter((ref, registrations, terminated) -> registrations != null
                                && registrations.stream().distinct().count() < registrations.size()
                                ? new Registration(STATUS_FLT_INVALID_CONTEXT_REGISTRATION, 0)
                                : ref.registerFilter(registrations, terminated)),
                // Hands the free routine the minifilter's portion instead of the block the allocate routine returned.
                mutant("FreeRoutineGetsMinifilterPortion").breaks("REG-015").alsoFails("FREE-003", "FREE-006")
                        .says("the free callback got block", "expected once")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.FREE ? e
                                : CallbackEvent.free(e.address() + 0x60, e.contextType(), e.irql()))));
    }

    /** Drops the fixed-size definitions of every type whose first definition in the array is variable-size. */
    private static List<ContextRegistration> shadowedByLeadingVariable(List<ContextRegistration> registrations) {
        List<ContextRegistration> kept = new ArrayList<>();
        for (ContextRegistration entry : registrations) {
            ContextRegistration first = registrations.stream().filter(e -> e.contextType() == entry.contextType()).findFirst().orElseThrow();
            if (entry.isVariableSize() || entry.allocateCallback() || !first.isVariableSize() || first.allocateCallback()) {
                kept.add(entry);
            }
        }
        return kept;
    }

    /** Keeps the definitions of the first three fixed sizes of each type (and every other definition). */
    private static List<ContextRegistration> firstThreeFixedSizes(List<ContextRegistration> registrations) {
        Map<Integer, List<Long>> sizes = new java.util.HashMap<>();
        List<ContextRegistration> kept = new ArrayList<>();
        for (ContextRegistration entry : registrations) {
            if (entry.isVariableSize() || entry.allocateCallback()) {
                kept.add(entry);
                continue;
            }
            List<Long> seen = sizes.computeIfAbsent(entry.contextType(), t -> new ArrayList<>());
            if (seen.contains(entry.size()) || seen.size() < 3) {
                if (!seen.contains(entry.size())) {
                    seen.add(entry.size());
                }
                kept.add(entry);
            }
        }
        return kept;
    }

    /** Of the definitions sharing a type and size, keeps only the one listed last. */
    private static List<ContextRegistration> lastOfEachSize(List<ContextRegistration> registrations) {
        List<ContextRegistration> kept = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i++) {
            ContextRegistration entry = registrations.get(i);
            boolean later = registrations.subList(i + 1, registrations.size()).stream()
                    .anyMatch(e -> e.contextType() == entry.contextType() && e.size() == entry.size());
            if (!later) {
                kept.add(entry);
            }
        }
        return kept;
    }
}
