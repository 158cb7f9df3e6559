package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.SetOperation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_DELETING_OBJECT;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;
import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;
import static fltkit.spi.NtStatus.STATUS_NOT_SUPPORTED;
import static fltkit.spi.NtStatus.STATUS_SUCCESS;

/** Broken FltDeleteContext and FltDeleteXxxContext routines. */
public final class DeleteContextMutants extends MutantTable {
    public DeleteContextMutants() {
        super("DeleteContext.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // A typed delete without OldContext unlinks the context but never drops the reference the set took.
                mutant("DeleteKeepsSetReference").breaks("DEL-001")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, true);
                            return wantOld ? result : new ContextResult(result.status(), 0);
                        }),
                // A typed delete without OldContext removes the context of that type set last, whatever object it is on.
                mutant("DeleteRemovesNewestOfType").breaks("DEL-001").alsoFails("DEL-002", "DEL-004")
                        .says("expected 1")
                        .perScenario(m -> {
                            List<Long> setInOrder = new ArrayList<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (result.status().isSuccess()) {
                                    setInOrder.add(newContext);
                                }
                                return result;
                            });
                            m.deleteTypedContext((ref, type, target, wantOld) -> {
                                if (wantOld || type == ContextType.SECTION) {
                                    return ref.deleteTypedContext(type, target, wantOld);
                                }
                                ContextResult mine = ref.getContext(type, target);
                                if (!mine.status().isSuccess()) {
                                    return ref.deleteTypedContext(type, target, false);
                                }
                                ref.releaseContext(mine.context());
                                for (int i = setInOrder.size() - 1; i >= 0; i--) {
                                    ContextState state = ref.inspectContext(setInOrder.get(i));
                                    if (state.alive() && state.attached() && state.contextType() == type.value()) {
                                        ref.deleteContext(setInOrder.get(i));
                                        return new ContextResult(STATUS_SUCCESS, 0);
                                    }
                                }
                                return ref.deleteTypedContext(type, target, false);
                            });
                        }),
                // A typed delete with OldContext hands the context back but also drops the reference the set took.
                mutant("DeleteOldContextDropsReference").breaks("DEL-002")
                        .says("expected 2").othersMayFail()
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                            if (wantOld && result.context() != 0 && ref.inspectContext(result.context()).referenceCount() > 1) {
                                ref.releaseContext(result.context());
                            }
                            return result;
                        }),
                // A typed delete with nothing to delete returns STATUS_SUCCESS.
                mutant("DeleteMissingSucceeds").breaks("DEL-003")
                        .says("STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS")
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                            return result.status().equals(STATUS_NOT_FOUND) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // A second typed delete with OldContext answers STATUS_NOT_FOUND but leaves the context deleted before in OldContext.
                mutant("SecondDeleteHandsBackStale").breaks("DEL-003")
                        .says("expected NULL_CONTEXT")
                        .perScenario(m -> {
                            Map<String, Long> deletedFrom = new HashMap<>();
                            m.deleteTypedContext((ref, type, target, wantOld) -> {
                                String slot = type + "@" + target;
                                ContextResult mine = ref.getContext(type, target);
                                if (mine.status().isSuccess()) {
                                    ref.releaseContext(mine.context());
                                }
                                ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                                if (result.status().isSuccess() && mine.status().isSuccess()) {
                                    deletedFrom.put(slot, mine.context());
                                } else if (result.status().equals(STATUS_NOT_FOUND) && wantOld && deletedFrom.containsKey(slot)) {
                                    return new ContextResult(STATUS_NOT_FOUND, deletedFrom.get(slot));
                                }
                                return result;
                            });
                        }),
                // Watches an instance's teardown only for the instance's own context: contexts on its files, streams and
                // transactions are still deleted through a dying instance.
                mutant("DeletesThroughDyingInstance").breaks("DEL-004")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            Set<Long> dying = SharedBreakage.instanceTeardownSeenOnlyByItsOwnContext(m);
                            var perStream = m.remembersPerStreamSupport();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                if (!dying.contains(target.instance()) || type == ContextType.VOLUME) {
                                    return ref.setContext(type, target, operation, newContext, wantOld);
                                }
                                ContextState context = ref.inspectContext(newContext);
                                boolean valid = type == ContextType.SECTION
                                        || operation == SetOperation.KEEP_IF_EXISTS || operation == SetOperation.REPLACE_IF_EXISTS;
                                if (!valid || !context.alive() || context.contextType() != type.value()) {
                                    return new ContextResult(STATUS_INVALID_PARAMETER, 0);
                                }
                                boolean streamish = type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
                                return new ContextResult(streamish && !perStream.supported() ? STATUS_NOT_SUPPORTED : STATUS_FLT_DELETING_OBJECT, 0);
                            });
                            m.deleteTypedContext((ref, type, target, wantOld) -> type == ContextType.INSTANCE && dying.contains(target.instance())
                                    ? new ContextResult(STATUS_FLT_DELETING_OBJECT, 0) : ref.deleteTypedContext(type, target, wantOld));
                        }),
                // A typed delete refused with STATUS_FLT_DELETING_OBJECT still hands the context back in OldContext, referenced.
                mutant("RefusedDeleteHandsBackContext").breaks("DEL-004")
                        .says("expected NULL_CONTEXT")
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                            if (wantOld && result.status().equals(STATUS_FLT_DELETING_OBJECT)) {
                                ContextResult attached = ref.getContext(type, target);
                                return new ContextResult(result.status(), attached.status().isSuccess() ? attached.context() : 0);
                            }
                            return result;
                        }),
                // A typed delete on an object being torn down returns STATUS_SUCCESS (and leaves the context to the teardown).
                mutant("DeletesFromDyingObjects").breaks("DEL-004")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                            return result.status().equals(STATUS_FLT_DELETING_OBJECT) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // Deletes stream and stream handle contexts even where the file system has no per-stream contexts.
                mutant("StreamDeleteIgnoresSupport").breaks("DEL-006")
                        .says("expected STATUS_NOT_SUPPORTED (0xC00000BB)")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.deleteTypedContext((ref, type, target, wantOld) ->
                                    perStream.asIfSupported(() -> ref.deleteTypedContext(type, target, wantOld)));
                        }),
                // Without per-stream contexts the stream delete routines answer STATUS_NOT_SUPPORTED, yet delete the context.
                mutant("UnsupportedDeleteStillDeletes").breaks("DEL-006")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.deleteTypedContext((ref, type, target, wantOld) -> {
                                if (perStream.supported() || (type != ContextType.STREAM && type != ContextType.STREAMHANDLE)) {
                                    return ref.deleteTypedContext(type, target, wantOld);
                                }
                                perStream.asIfSupported(() -> ref.deleteTypedContext(type, target, false));
                                return new ContextResult(STATUS_NOT_SUPPORTED, 0);
                            });
                        }),
                // FltDeleteContext unlinks every context of the type that was set, not only the one it is given.
                mutant("DeleteContextUnlinksWholeType").breaks("DEL-007")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            List<Long> set = new ArrayList<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (result.status().isSuccess()) {
                                    set.add(newContext);
                                }
                                return result;
                            });
                            m.deleteContext((ref, context) -> {
                                int type = ref.inspectContext(context).contextType();
                                ref.deleteContext(context);
                                for (long other : set) {
                                    ContextState state = ref.inspectContext(other);
                                    if (other != context && state.alive() && state.attached() && state.contextType() == type
                                            && type != ContextType.SECTION.value()) {
                                        ref.deleteContext(other);
                                    }
                                }
                            });
                        }),
                // FltDeleteContext leaves the context attached to its object.
                mutant("DeleteContextDoesNothing").breaks("DEL-007").alsoFails("DEL-008")
                        .deleteContext((ref, context) -> { }),
                // FltDeleteContext on a volume, file, stream handle or transaction context that was never set drops a
                // reference (a per-type unlink that does not check the context is linked).
                mutant("UnsetDeleteDropsForSomeTypes").breaks("DEL-008")
                        .says("was freed", "reference count of 1")
                        .deleteContext((ref, context) -> {
                            ContextState state = ref.inspectContext(context);
                            int type = state.contextType();
                            boolean loose = type == ContextType.VOLUME.value() || type == ContextType.FILE.value()
                                    || type == ContextType.STREAMHANDLE.value() || type == ContextType.TRANSACTION.value();
                            ref.deleteContext(context);
                            if (loose && !state.attached() && state.referenceCount() == 1) {
                                ref.releaseContext(context);
                            }
                        }),
                // FltDeleteContext drops a reference even when the context is not attached (never set, or deleted already).
                mutant("DeleteContextAlwaysDrops").breaks("DEL-008")
                        .says("DEL-008 violated")
                        .deleteContext((ref, context) -> {
                            boolean attached = ref.inspectContext(context).attached();
                            ref.deleteContext(context);
                            if (!attached) {
                                ref.releaseContext(context);
                            }
                        }));
    }
}
