package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.RelatedContexts;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
                mutant("ReferenceAddsNothing").breaks("REF-001").alsoFails("REF-002", "REF-003", "FREE-001", "FREE-002", "DEL-008")
                        .says("reference count of 1", "expected 2")
                        .referenceContext((ref, context) -> { }),
                // FltReleaseContext is lost when an unattached context holds more than one reference.
                mutant("ReleaseLostWhileReferenced").breaks("REF-002")
                        .alsoFails("REF-001", "REF-003", "FREE-001", "FREE-002", "DEL-002", "DEL-008", "SET-005")
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
                        .alsoFails("GET-001", "GET-004", "SEC-001", "SEC-002", "SET-001", "SET-002", "SET-005")
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
                mutant("GetContextsTakesNoReference").breaks("REF-006").alsoFails("REF-007")
                        .says("reference count of 2", "expected 3")
                        .getContexts((ref, target, desired) -> {
                            RelatedContexts related = ref.getContexts(target, desired);
                            related.contexts().values().forEach(ref::releaseContext);
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
