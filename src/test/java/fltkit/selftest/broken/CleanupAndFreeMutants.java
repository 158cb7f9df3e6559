package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.Irql;
import fltkit.spi.PoolSnapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static fltkit.selftest.Mutant.mutant;

/** Broken cleanup and free callbacks: when they run, how often, at which IRQL, with which block. */
public final class CleanupAndFreeMutants extends MutantTable {
    public CleanupAndFreeMutants() {
        super("ContextCleanupAndFree.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Calls the cleanup callback twice for every context it frees.
                mutant("CleansUpTwice").breaks("FREE-001").alsoFails("FREE-002", "FREE-003", "FREE-006", "AUTO-007", "REG-013", "REG-014",
                                "REG-003", "REG-009", "REG-018", "REG-021")
                        .says("ran 2 time(s)", "expected once")
                        .takeCallbackEvents(ref -> {
                            List<CallbackEvent> doubled = new ArrayList<>();
                            for (CallbackEvent event : ref.takeCallbackEvents()) {
                                doubled.add(event);
                                if (event.kind() == CallbackEvent.Kind.CLEANUP) {
                                    doubled.add(event);
                                }
                            }
                            return doubled;
                        })
                        .inspectContext((ref, context) -> {
                            ContextState s = ref.inspectContext(context);
                            return new ContextState(s.alive(), s.referenceCount(), s.contextType(), s.size(), s.poolType(), s.origin(),
                                    s.attached(), s.cleanupCalls() * 2);
                        }),
                // Calls the cleanup callback on every release, not only the last.
                mutant("CleansUpOnEveryRelease").breaks("FREE-002").alsoFails("FREE-001", "FREE-006", "AUTO-007")
                        .says("while a reference was still held")
                        .perScenario(m -> {
                            Set<Integer> cleanupTypes = new HashSet<>();
                            List<CallbackEvent> early = new ArrayList<>();
                            m.registerFilter((ref, registrations, terminated) -> {
                                if (registrations != null) {
                                    registrations.stream().filter(ContextRegistration::cleanupCallback).forEach(r -> cleanupTypes.add(r.contextType()));
                                }
                                return ref.registerFilter(registrations, terminated);
                            });
                            m.releaseContext((ref, context) -> {
                                ref.releaseContext(context);
                                ContextState state = ref.inspectContext(context);
                                if (state.alive() && cleanupTypes.contains(state.contextType())) {
                                    early.add(CallbackEvent.cleanup(context, state.contextType(), Irql.PASSIVE_LEVEL));
                                }
                            });
                            m.takeCallbackEvents(ref -> {
                                List<CallbackEvent> events = new ArrayList<>(early);
                                early.clear();
                                events.addAll(ref.takeCallbackEvents());
                                return events;
                            });
                        }),
                // Passes the free callback the minifilter portion instead of the block the allocate callback returned.
                mutant("FreeCallbackGetsMinifilterPortion").breaks("FREE-003").alsoFails("FREE-006", "REG-015")
                        .says("the one the allocate callback returned for")
                        .takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> e.kind() != CallbackEvent.Kind.FREE ? e
                                : CallbackEvent.free(e.address() + 0x60, e.contextType(), e.irql()))),
                // Never gives a freed variable-size context's block back to pool (the implementation counts it outstanding).
                mutant("VariableSizeBlocksNeverReturn").breaks("FREE-004")
                        .says("pool block(s) outstanding", "memory did not go back").othersMayFail()
                        .perScenario(m -> {
                            Set<Integer> variableTypes = new HashSet<>();
                            AtomicLong leaked = new AtomicLong();
                            m.registerFilter((ref, registrations, terminated) -> {
                                if (registrations != null) {
                                    registrations.stream().filter(ContextRegistration::isVariableSize).forEach(r -> variableTypes.add(r.contextType()));
                                }
                                return ref.registerFilter(registrations, terminated);
                            });
                            m.releaseContext((ref, context) -> {
                                ref.releaseContext(context);
                                ContextState state = ref.inspectContext(context);
                                if (!state.alive() && variableTypes.contains(state.contextType())) {
                                    leaked.incrementAndGet();
                                }
                            });
                            m.pool(ref -> {
                                PoolSnapshot real = ref.pool();
                                return new PoolSnapshot(real.outstandingBlocks() + leaked.get(), real.outstandingBytes(), real.liveContexts());
                            });
                        }),
                // While other blocks from the allocate routine are still in use, hands the free routine the newest of those instead.
                mutant("FreeRoutineGetsAnotherLiveBlock").breaks("FREE-003")
                        .says("the one the allocate callback returned for")
                        .perScenario(m -> {
                            List<Long> liveBlocks = new ArrayList<>();
                            m.takeCallbackEvents(ref -> map(ref.takeCallbackEvents(), e -> {
                                if (e.kind() == CallbackEvent.Kind.ALLOCATE && e.address() != 0) {
                                    liveBlocks.add(e.address());
                                } else if (e.kind() == CallbackEvent.Kind.FREE) {
                                    liveBlocks.remove(Long.valueOf(e.address()));
                                    if (!liveBlocks.isEmpty()) {
                                        return CallbackEvent.free(liveBlocks.get(liveBlocks.size() - 1), e.contextType(), e.irql());
                                    }
                                }
                                return e;
                            }));
                        }),
                // Loses one context in every 50 it allocates: the block stays taken, no one can free it, the scenarios of one or two never see it.
                mutant("LosesEveryFiftiethBlock").breaks("FREE-004")
                        .says("pool block(s) outstanding", "memory did not go back")
                        .perScenario(m -> {
                            AtomicLong allocated = new AtomicLong();
                            m.allocateContext((ref, filter, type, size, pool) -> {
                                if (allocated.incrementAndGet() % 50 == 0) {
                                    ref.allocateContext(filter, type, size, pool);
                                }
                                return ref.allocateContext(filter, type, size, pool);
                            });
                        }),
                // Reports a cleanup call for every freed context, even where the definition registered no cleanup callback.
                mutant("CleanupWithoutRegistration").breaks("FREE-005").alsoFails("REG-003", "REG-009", "REG-018", "REG-021")
                        .says("although none was registered")
                        .perScenario(m -> {
                            List<CallbackEvent> extra = new ArrayList<>();
                            m.releaseContext((ref, context) -> {
                                ref.releaseContext(context);
                                ContextState state = ref.inspectContext(context);
                                if (!state.alive() && state.cleanupCalls() == 0) {
                                    extra.add(CallbackEvent.cleanup(context, state.contextType(), Irql.PASSIVE_LEVEL));
                                }
                            });
                            m.takeCallbackEvents(ref -> {
                                List<CallbackEvent> events = new ArrayList<>(ref.takeCallbackEvents());
                                events.addAll(extra);
                                extra.clear();
                                return events;
                            });
                        }),
                // Frees a context released at DISPATCH_LEVEL at once, running its callbacks at DISPATCH_LEVEL.
                mutant("CleansUpAtDispatch").breaks("FREE-006")
                        .says("above APC_LEVEL")
                        .perScenario(m -> {
                            AtomicReference<Irql> irql = new AtomicReference<>(Irql.PASSIVE_LEVEL);
                            List<CallbackEvent> events = new ArrayList<>();
                            m.setCallerIrql((ref, newIrql) -> {
                                irql.set(newIrql);
                                ref.setCallerIrql(newIrql);
                            });
                            m.releaseContext((ref, context) -> {
                                if (irql.get() != Irql.DISPATCH_LEVEL) {
                                    ref.releaseContext(context);
                                    return;
                                }
                                events.addAll(ref.takeCallbackEvents());
                                ref.releaseContext(context);
                                ref.runDeferredWork();
                                for (CallbackEvent e : ref.takeCallbackEvents()) {
                                    events.add(new CallbackEvent(e.kind(), e.poolType(), e.size(), e.contextType(), e.address(), Irql.DISPATCH_LEVEL));
                                }
                            });
                            m.takeCallbackEvents(ref -> {
                                List<CallbackEvent> taken = new ArrayList<>(events);
                                events.clear();
                                taken.addAll(ref.takeCallbackEvents());
                                return taken;
                            });
                        }));
    }
}
