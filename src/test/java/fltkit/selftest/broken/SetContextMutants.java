package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.SetOperation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALREADY_LINKED;
import static fltkit.spi.NtStatus.STATUS_FLT_DELETING_OBJECT;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;
import static fltkit.spi.NtStatus.STATUS_NOT_SUPPORTED;
import static fltkit.spi.NtStatus.STATUS_SUCCESS;

/** Broken FltSetXxxContext routines. */
public final class SetContextMutants extends MutantTable {
    public SetContextMutants() {
        super("SetContext.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Answers a KEEP_IF_EXISTS set of a stream handle context with success, and references NewContext, without attaching it.
                mutant("SetDoesNotAttach").breaks("SET-001")
                        .says("STATUS_NOT_FOUND").othersMayFail()
                        .perScenario(m -> {
                            List<Long> phantom = new ArrayList<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                if (type == ContextType.STREAMHANDLE && operation == SetOperation.KEEP_IF_EXISTS
                                        && !ref.getContext(type, target).status().isSuccess()) {
                                    ref.referenceContext(newContext);
                                    phantom.add(newContext);
                                    return new ContextResult(STATUS_SUCCESS, 0);
                                }
                                return ref.setContext(type, target, operation, newContext, wantOld);
                            });
                            m.closeFile((ref, fileObject) -> {
                                phantom.forEach(ref::releaseContext);
                                phantom.clear();
                                ref.closeFile(fileObject);
                            });
                        }),
                // Treats FLT_SET_CONTEXT_KEEP_IF_EXISTS like REPLACE_IF_EXISTS.
                mutant("KeepReplacesAnyway").breaks("SET-002")
                        .says("STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)", "STATUS_SUCCESS").othersMayFail()
                        .setContext((ref, type, target, operation, newContext, wantOld) -> ref.setContext(type, target,
                                type != ContextType.SECTION && operation == SetOperation.KEEP_IF_EXISTS ? SetOperation.REPLACE_IF_EXISTS : operation,
                                newContext, wantOld)),
                // A set refused with STATUS_FLT_CONTEXT_ALREADY_DEFINED still adds a reference to NewContext.
                mutant("FailedSetStillReferences").breaks("SET-003")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            if (result.status().equals(STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                                ref.referenceContext(newContext);
                            }
                            return result;
                        }),
                // A refused KEEP_IF_EXISTS set leaves OldContext NULL instead of handing back the existing context.
                mutant("KeepHandsBackNothing").breaks("SET-004")
                        .says("expected \"A\"")
                        .setContext((ref, type, target, operation, newContext, wantOld) ->
                                ref.setContext(type, target, operation, newContext, wantOld && operation != SetOperation.KEEP_IF_EXISTS)),
                // A REPLACE_IF_EXISTS set drops the replaced context instead of handing it back in OldContext.
                mutant("ReplaceHandsBackNothing").breaks("SET-005")
                        .says("expected \"A\"")
                        .setContext((ref, type, target, operation, newContext, wantOld) ->
                                ref.setContext(type, target, operation, newContext, wantOld && operation != SetOperation.REPLACE_IF_EXISTS)),
                // A REPLACE_IF_EXISTS set without OldContext never drops the object's reference on the replaced context.
                mutant("ReplaceKeepsOldReference").breaks("SET-006")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            if (operation == SetOperation.REPLACE_IF_EXISTS && !wantOld) {
                                ContextResult result = ref.setContext(type, target, operation, newContext, true);
                                return new ContextResult(result.status(), 0);
                            }
                            return ref.setContext(type, target, operation, newContext, wantOld);
                        }),
                // Answers a set of a context already attached elsewhere with success (and silently does nothing).
                mutant("LinksTwice").breaks("SET-008").alsoFails("SET-003")
                        .says("STATUS_FLT_CONTEXT_ALREADY_LINKED (0xC01C001C)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            return result.status().equals(STATUS_FLT_CONTEXT_ALREADY_LINKED) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // Treats any Operation value other than KEEP_IF_EXISTS as REPLACE_IF_EXISTS.
                mutant("AcceptsAnyOperation").breaks("SET-009").alsoFails("SET-003")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> ref.setContext(type, target,
                                operation == SetOperation.KEEP_IF_EXISTS ? operation : SetOperation.REPLACE_IF_EXISTS, newContext, wantOld)),
                // Answers a set with a NewContext of another type with success (and silently does nothing).
                mutant("IgnoresContextType").breaks("SET-010")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> ref.inspectContext(newContext).contextType() != type.value()
                                ? new ContextResult(STATUS_SUCCESS, 0) : ref.setContext(type, target, operation, newContext, wantOld)),
                // Sets stream and stream handle contexts even where the file system has no per-stream contexts.
                mutant("StreamSetIgnoresSupport").breaks("SET-011").alsoFails("SET-003")
                        .says("STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.setContext((ref, type, target, operation, newContext, wantOld) ->
                                    perStream.asIfSupported(() -> ref.setContext(type, target, operation, newContext, wantOld)));
                        }),
                // A KEEP_IF_EXISTS set through the instance of another volume lands on the first volume's objects.
                mutant("SetOnOtherVolumeLandsOnFirst").breaks("SET-001").alsoFails("GET-002")
                        .says("STATUS_SUCCESS (0x00000000)", "STATUS_FLT_CONTEXT_ALREADY_DEFINED")
                        .perScenario(m -> {
                            AtomicLong firstInstance = new AtomicLong();
                            AtomicLong firstVolume = new AtomicLong();
                            AtomicLong firstFileObject = new AtomicLong();
                            AtomicLong firstTransaction = new AtomicLong();
                            m.attachInstance((ref, filter, volume) -> {
                                long instance = ref.attachInstance(filter, volume);
                                if (firstInstance.compareAndSet(0, instance)) {
                                    firstVolume.set(volume);
                                }
                                return instance;
                            });
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                if (instance == firstInstance.get()) {
                                    firstFileObject.compareAndSet(0, fileObject);
                                }
                                return fileObject;
                            });
                            m.beginTransaction(ref -> {
                                long transaction = ref.beginTransaction();
                                firstTransaction.compareAndSet(0, transaction);
                                return transaction;
                            });
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                boolean elsewhere = target.instance() != firstInstance.get() && operation == SetOperation.KEEP_IF_EXISTS
                                        && type != ContextType.SECTION;
                                ContextTarget landing = !elsewhere ? target : new ContextTarget(firstInstance.get(),
                                        target.volume() == 0 ? 0 : firstVolume.get(), target.fileObject() == 0 ? 0 : firstFileObject.get(),
                                        target.transaction() == 0 ? 0 : firstTransaction.get());
                                return ref.setContext(type, landing, operation, newContext, wantOld);
                            });
                        }),
                // A refused KEEP_IF_EXISTS set without OldContext still references the existing context (and writes it
                // into the output the caller did not pass).
                mutant("KeepRefusalReferencesExisting").breaks("SET-002")
                        .says("reference count of 3", "expected 2")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            boolean refusal = type != ContextType.SECTION && operation == SetOperation.KEEP_IF_EXISTS && !wantOld;
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld || refusal);
                            return refusal && !result.status().equals(STATUS_FLT_CONTEXT_ALREADY_DEFINED)
                                    ? new ContextResult(result.status(), 0) : result;
                        }),
                // A set refused for any reason but STATUS_FLT_CONTEXT_ALREADY_DEFINED still references NewContext.
                mutant("RefusedSetsStillReference").breaks("SET-003")
                        .says("reference count of").othersMayFail()
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            if (!result.status().isSuccess() && !result.status().equals(STATUS_FLT_CONTEXT_ALREADY_DEFINED)
                                    && ref.inspectContext(newContext).alive()) {
                                ref.referenceContext(newContext);
                            }
                            return result;
                        }),
                // REPLACE_IF_EXISTS without OldContext never drops the object's reference on a replaced file or transaction context.
                mutant("ReplaceKeepsOldFileOrTransactionReference").breaks("SET-006")
                        .says("reference count of 2", "expected 1")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            boolean kept = (type == ContextType.FILE || type == ContextType.TRANSACTION)
                                    && operation == SetOperation.REPLACE_IF_EXISTS && !wantOld;
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld || kept);
                            return kept ? new ContextResult(result.status(), 0) : result;
                        }),
                // For volume, file, stream handle and transaction contexts any Operation other than KEEP_IF_EXISTS replaces.
                mutant("AcceptsAnyOperationForSomeTypes").breaks("SET-009").alsoFails("SET-003")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            boolean loose = type == ContextType.VOLUME || type == ContextType.FILE || type == ContextType.STREAMHANDLE
                                    || type == ContextType.TRANSACTION;
                            return ref.setContext(type, target, loose && operation != SetOperation.KEEP_IF_EXISTS
                                    ? SetOperation.REPLACE_IF_EXISTS : operation, newContext, wantOld);
                        }),
                // The volume, stream handle and transaction set routines answer a NewContext of another type with success.
                mutant("IgnoresContextTypeForSomeTypes").breaks("SET-010")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            boolean loose = type == ContextType.VOLUME || type == ContextType.STREAMHANDLE || type == ContextType.TRANSACTION;
                            return loose && ref.inspectContext(newContext).contextType() != type.value()
                                    ? new ContextResult(STATUS_SUCCESS, 0) : ref.setContext(type, target, operation, newContext, wantOld);
                        }),
                // Watches an instance's teardown only for the instance's own context: file, stream, stream handle and
                // transaction contexts are still set through a dying instance.
                mutant("SetsThroughDyingInstance").breaks("SET-012")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            Set<Long> dying = SharedBreakage.instanceTeardownSeenOnlyByItsOwnContext(m);
                            var perStream = m.remembersPerStreamSupport();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                if (type == ContextType.INSTANCE && dying.contains(target.instance())) {
                                    ContextState context = ref.inspectContext(newContext);
                                    boolean valid = operation == SetOperation.KEEP_IF_EXISTS || operation == SetOperation.REPLACE_IF_EXISTS;
                                    if (!valid || !context.alive() || context.contextType() != type.value()) {
                                        return new ContextResult(STATUS_INVALID_PARAMETER, 0);
                                    }
                                    return new ContextResult(STATUS_FLT_DELETING_OBJECT, 0);
                                }
                                return ref.setContext(type, target, operation, newContext, wantOld);
                            });
                            m.deleteTypedContext((ref, type, target, wantOld) -> {
                                boolean streamish = type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
                                if (dying.contains(target.instance()) && type != ContextType.VOLUME && type != ContextType.SECTION) {
                                    return new ContextResult(streamish && !perStream.supported() ? STATUS_NOT_SUPPORTED
                                            : STATUS_FLT_DELETING_OBJECT, 0);
                                }
                                return ref.deleteTypedContext(type, target, wantOld);
                            });
                        }),
                // With per-stream contexts switched off, every set, get and delete routine answers STATUS_NOT_SUPPORTED,
                // not only the stream and stream handle ones.
                mutant("PerStreamOffRefusesEveryType").breaks("SET-013")
                        .says("STATUS_SUCCESS (0x00000000)", "STATUS_NOT_SUPPORTED")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> perStream.supported()
                                    ? ref.setContext(type, target, operation, newContext, wantOld) : new ContextResult(STATUS_NOT_SUPPORTED, 0));
                            m.getContext((ref, type, target) -> perStream.supported()
                                    ? ref.getContext(type, target) : new ContextResult(STATUS_NOT_SUPPORTED, 0));
                            m.deleteTypedContext((ref, type, target, wantOld) -> perStream.supported()
                                    ? ref.deleteTypedContext(type, target, wantOld) : new ContextResult(STATUS_NOT_SUPPORTED, 0));
                        }),
                // Answers a set on an object being torn down with success (and silently does nothing).
                mutant("SetsOnDyingObjects").breaks("SET-012").alsoFails("SET-003")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            return result.status().equals(STATUS_FLT_DELETING_OBJECT) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }));
    }
}
