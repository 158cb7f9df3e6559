package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;

import java.util.List;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_DELETING_OBJECT;
import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;
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
                // A typed delete on an object being torn down returns STATUS_SUCCESS (and leaves the context to the teardown).
                mutant("DeletesFromDyingObjects").breaks("DEL-004")
                        .says("STATUS_FLT_DELETING_OBJECT (0xC01C000B)", "STATUS_SUCCESS")
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, wantOld);
                            return result.status().equals(STATUS_FLT_DELETING_OBJECT) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // Deletes stream and stream handle contexts even where the file system has no per-stream contexts.
                mutant("StreamDeleteIgnoresSupport").breaks("DEL-006")
                        .says("STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_NOT_FOUND")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.deleteTypedContext((ref, type, target, wantOld) ->
                                    perStream.asIfSupported(() -> ref.deleteTypedContext(type, target, wantOld)));
                        }),
                // FltDeleteContext leaves the context attached to its object.
                mutant("DeleteContextDoesNothing").breaks("DEL-007").alsoFails("DEL-008")
                        .deleteContext((ref, context) -> { }),
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
