package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.RelatedContexts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static fltkit.selftest.Mutant.mutant;

/** Broken reference counting: FltReferenceContext, FltReleaseContext and the references the get and set routines take. */
public final class ReferenceCountingMutants extends MutantTable {
    public ReferenceCountingMutants() {
        super("ReferenceCounting.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // FltReferenceContext does not add a reference.
                mutant("ReferenceAddsNothing").breaks("REF-001").alsoFails("REF-002", "REF-003", "FREE-001", "FREE-002", "DEL-008", "SEC-009")
                        .says("reference count of 1", "expected 2")
                        .referenceContext((ref, context) -> { }),
                // FltReleaseContext is lost when an unattached context holds more than one reference.
                mutant("ReleaseLostWhileReferenced").breaks("REF-002")
                        .alsoFails("REF-001", "REF-003", "FREE-001", "FREE-002", "DEL-002", "DEL-008", "SET-005", "SEC-009")
                        .says("reference count of 2", "expected 1")
                        .releaseContext((ref, context) -> {
                            ContextState state = ref.inspectContext(context);
                            if (!(state.alive() && !state.attached() && state.referenceCount() >= 2)) {
                                ref.releaseContext(context);
                            }
                        }),
                // The last release of an unattached context leaves it alive: nothing is ever freed by a release.
                mutant("NeverFreesAtZero").breaks("REF-003")
                        .says("still alive", "expected it freed").othersMayFail()
                        .releaseContext((ref, context) -> {
                            ContextState state = ref.inspectContext(context);
                            if (!(state.alive() && !state.attached() && state.referenceCount() == 1)) {
                                ref.releaseContext(context);
                            }
                        }),
                // A successful get routine hands the context back without adding a reference.
                mutant("GetTakesNoReference").breaks("REF-004")
                        .alsoFails("AUTO-002", "GET-001", "GET-004", "SEC-001", "SEC-002", "SET-001", "SET-002", "SET-005")
                        .says("reference count of 2", "expected 3")
                        .getContext((ref, type, target) -> {
                            ContextResult result = ref.getContext(type, target);
                            if (result.status().isSuccess()) {
                                ref.releaseContext(result.context());
                            }
                            return result;
                        }),
                // A successful set routine attaches NewContext without adding a reference of its own.
                mutant("SetTakesNoReference").breaks("REF-005")
                        .says("reference count of 1", "expected 2").othersMayFail()
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            if (result.status().isSuccess()) {
                                ref.releaseContext(newContext);
                            }
                            return result;
                        }),
                // FltGetContexts returns the contexts without referencing them.
                mutant("GetContextsTakesNoReference").breaks("REF-006").alsoFails("REF-007", "SEC-010")
                        .says("reference count of 2", "expected 3")
                        .getContexts((ref, target, desired) -> {
                            RelatedContexts related = ref.getContexts(target, desired);
                            related.contexts().values().forEach(ref::releaseContext);
                            return related;
                        }),
                // FltReferenceContext forgets stream contexts (a per-type fast path that lost its increment).
                mutant("StreamReferenceAddsNothing").breaks("REF-001").alsoFails("REF-002", "DEL-008", "FREE-001")
                        .says("reference count of 1", "expected 2")
                        .referenceContext((ref, context) -> {
                            if (ref.inspectContext(context).contextType() != ContextType.STREAM.value()) {
                                ref.referenceContext(context);
                            }
                        }),
                // FltReferenceContext called at DISPATCH_LEVEL adds nothing.
                mutant("ReferenceAtDispatchAddsNothing").breaks("REF-001")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            AtomicReference<Irql> irql = new AtomicReference<>(Irql.PASSIVE_LEVEL);
                            m.setCallerIrql((ref, level) -> {
                                irql.set(level);
                                ref.setCallerIrql(level);
                            });
                            m.referenceContext((ref, context) -> {
                                if (irql.get() != Irql.DISPATCH_LEVEL) {
                                    ref.referenceContext(context);
                                }
                            });
                        }),
                // FltReleaseContext assumes references come back last in, first out: it releases the context referenced
                // last instead of the one it is given.
                mutant("ReleaseAssumesLastIn").breaks("REF-002")
                        .says("reference count of 3", "expected 2")
                        .perScenario(m -> {
                            Deque<Long> referenced = new ArrayDeque<>();
                            m.referenceContext((ref, context) -> {
                                ref.referenceContext(context);
                                referenced.push(context);
                            });
                            m.releaseContext((ref, context) -> {
                                Long last = referenced.peek();
                                if (last != null && last != context && referenced.contains(context)) {
                                    referenced.pop();
                                    ref.releaseContext(last);
                                    return;
                                }
                                referenced.remove(context);
                                ref.releaseContext(context);
                            });
                        }),
                // A get routine hands back the right context but takes its reference on the context of that type set last.
                mutant("GetReferencesNewestOfType").breaks("REF-004")
                        .says("reference count of 2", "expected 3")
                        .perScenario(m -> {
                            Map<ContextType, Long> setLast = new EnumMap<>(ContextType.class);
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (result.status().isSuccess()) {
                                    setLast.put(type, newContext);
                                }
                                return result;
                            });
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                Long newest = setLast.get(type);
                                if (result.status().isSuccess() && newest != null && newest != result.context()
                                        && ref.inspectContext(newest).attached()) {
                                    ref.releaseContext(result.context());
                                    ref.referenceContext(newest);
                                }
                                return result;
                            });
                        }),
                // FltGetContexts answers for the instance attached last (and the file object opened through it), not the one given.
                mutant("GetContextsReadsNewestInstance").breaks("REF-006")
                        .says("expected \"I\"")
                        .perScenario(m -> {
                            AtomicLong newest = new AtomicLong();
                            Map<Long, Long> fileObjectOf = new HashMap<>();
                            m.attachInstance((ref, filter, volume) -> {
                                long instance = ref.attachInstance(filter, volume);
                                newest.set(instance);
                                return instance;
                            });
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                fileObjectOf.putIfAbsent(instance, fileObject);
                                return fileObject;
                            });
                            m.getContexts((ref, target, desired) -> {
                                long instance = newest.get();
                                if (instance == 0 || instance == target.instance()) {
                                    return ref.getContexts(target, desired);
                                }
                                return ref.getContexts(new ContextTarget(instance, target.volume(),
                                        fileObjectOf.getOrDefault(instance, target.fileObject()), target.transaction()), desired);
                            });
                        }),
                // FltGetContextsEx ignores DesiredContexts bits that name no context type.
                mutant("GetContextsIgnoresUnknownBits").breaks("REF-010").in("win8")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .getContexts((ref, target, desired) -> ref.getContexts(target, desired & 0x007F)),
                // FltGetContexts hands back volume, file and transaction contexts without the reference it takes for the others.
                mutant("GetContextsSkipsReferenceForSomeTypes").breaks("REF-006")
                        .says("reference count of 2", "expected 3")
                        .getContexts((ref, target, desired) -> {
                            RelatedContexts related = ref.getContexts(target, desired);
                            related.contexts().forEach((type, context) -> {
                                if (type == ContextType.VOLUME || type == ContextType.FILE || type == ContextType.TRANSACTION) {
                                    ref.releaseContext(context);
                                }
                            });
                            return related;
                        }),
                // FltGetContexts leaves a stale pointer (another returned context) in a requested field it found nothing for.
                mutant("GetContextsFillsAbsentFields").breaks("REF-007")
                        .says("FLT_VOLUME_CONTEXT field", "expected NULL_CONTEXT")
                        .getContexts((ref, target, desired) -> {
                            RelatedContexts related = ref.getContexts(target, desired);
                            if ((desired & ContextType.VOLUME.value()) == 0 || related.get(ContextType.VOLUME) != 0 || related.contexts().isEmpty()) {
                                return related;
                            }
                            Map<ContextType, Long> stale = new EnumMap<>(related.contexts());
                            stale.put(ContextType.VOLUME, related.contexts().values().iterator().next());
                            return new RelatedContexts(related.status(), stale);
                        }));
    }
}
