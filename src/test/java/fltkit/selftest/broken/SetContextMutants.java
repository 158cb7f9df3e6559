package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextType;
import fltkit.spi.SetOperation;

import java.util.ArrayList;
import java.util.List;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALREADY_LINKED;
import static fltkit.spi.NtStatus.STATUS_FLT_DELETING_OBJECT;
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
                mutant("LinksTwice").breaks("SET-008")
                        .says("STATUS_FLT_CONTEXT_ALREADY_LINKED (0xC01C001C)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            return result.status().equals(STATUS_FLT_CONTEXT_ALREADY_LINKED) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // Treats any Operation value other than KEEP_IF_EXISTS as REPLACE_IF_EXISTS.
                mutant("AcceptsAnyOperation").breaks("SET-009")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> ref.setContext(type, target,
                                operation == SetOperation.KEEP_IF_EXISTS ? operation : SetOperation.REPLACE_IF_EXISTS, newContext, wantOld)),
                // Answers a set with a NewContext of another type with success (and silently does nothing).
                mutant("IgnoresContextType").breaks("SET-010")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> ref.inspectContext(newContext).contextType() != type.value()
                                ? new ContextResult(STATUS_SUCCESS, 0) : ref.setContext(type, target, operation, newContext, wantOld)),
                // Sets stream and stream handle contexts even where the file system has no per-stream contexts.
                mutant("StreamSetIgnoresSupport").breaks("SET-011")
                        .says("STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.setContext((ref, type, target, operation, newContext, wantOld) ->
                                    perStream.asIfSupported(() -> ref.setContext(type, target, operation, newContext, wantOld)));
                        }),
                // Answers a set on an object being torn down with success (and silently does nothing).
                mutant("SetsOnDyingObjects").breaks("SET-012")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            return result.status().equals(STATUS_FLT_DELETING_OBJECT) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }));
    }
}
