package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;
import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;
import static fltkit.spi.NtStatus.STATUS_NOT_SUPPORTED;
import static fltkit.spi.NtStatus.STATUS_SUCCESS;

/** Broken section contexts: FltCreateSectionForDataScan, FltCloseSectionForDataScan, FltGetSectionContext. */
public final class SectionMutants extends MutantTable {
    public SectionMutants() {
        super("SectionContexts.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // FltGetSectionContext never finds the section context FltCreateSectionForDataScan attached.
                mutant("SectionContextNeverFound").breaks("SEC-001").alsoFails("SEC-002")
                        .says("STATUS_NOT_FOUND")
                        .getContext((ref, type, target) -> {
                            ContextResult result = ref.getContext(type, target);
                            if (type == ContextType.SECTION && result.status().isSuccess()) {
                                ref.releaseContext(result.context());
                                return new ContextResult(STATUS_NOT_FOUND, 0);
                            }
                            return result;
                        }),
                // FltGetSectionContext finds a section context only through the file object its section was created through.
                mutant("SectionSeenOnlyThroughItsFileObject").breaks("SEC-001")
                        .says("STATUS_NOT_FOUND")
                        .perScenario(m -> SharedBreakage.seenOnlyThroughTheFileObjectItWasSetThrough(m, ContextType.SECTION)),
                // Sections are kept per file object: another file object of the stream creates a second section (here a
                // phantom: the context is referenced and answered with success, and let go when that file object closes).
                mutant("SectionPerFileObject").breaks("SEC-002")
                        .says("STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            Map<Long, Long> createdThrough = new HashMap<>();
                            Map<Long, List<Long>> phantoms = new HashMap<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (type != ContextType.SECTION) {
                                    return result;
                                }
                                if (result.status().isSuccess()) {
                                    createdThrough.put(newContext, target.fileObject());
                                } else if (result.status().equals(STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                                    ContextResult existing = ref.getContext(type, target);
                                    ref.releaseContext(existing.context());
                                    if (!Long.valueOf(target.fileObject()).equals(createdThrough.get(existing.context()))) {
                                        ref.referenceContext(newContext);
                                        phantoms.computeIfAbsent(target.fileObject(), f -> new ArrayList<>()).add(newContext);
                                        return new ContextResult(STATUS_SUCCESS, 0);
                                    }
                                }
                                return result;
                            });
                            m.closeFile((ref, fileObject) -> {
                                phantoms.getOrDefault(fileObject, List.of()).forEach(ref::releaseContext);
                                phantoms.remove(fileObject);
                                ref.closeFile(fileObject);
                            });
                        }),
                // A second FltCreateSectionForDataScan for the stream closes the first section and takes its place.
                mutant("SecondSectionReplacesFirst").breaks("SEC-002")
                        .says("STATUS_FLT_CONTEXT_ALREADY_DEFINED (0xC01C0002)", "STATUS_SUCCESS")
                        .setContext((ref, type, target, operation, newContext, wantOld) -> {
                            ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                            if (type == ContextType.SECTION && result.status().equals(STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                                ContextResult existing = ref.getContext(type, target);
                                ref.releaseContext(existing.context());
                                ref.closeSectionForDataScan(existing.context());
                                return ref.setContext(type, target, operation, newContext, wantOld);
                            }
                            return result;
                        }),
                // Closing a section removes its context from the stream but never drops the reference the create took.
                mutant("CloseSectionKeepsReference").breaks("SEC-003")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .closeSectionForDataScan((ref, section) -> {
                            NtStatus status = ref.closeSectionForDataScan(section);
                            if (status.isSuccess()) {
                                ref.referenceContext(section);
                            }
                            return status;
                        })
                        .deleteTypedContext((ref, type, target, wantOld) -> {
                            ContextResult result = ref.deleteTypedContext(type, target, type == ContextType.SECTION || wantOld);
                            return type == ContextType.SECTION ? new ContextResult(result.status(), 0) : result;
                        }),
                // FltCloseSectionForDataScan on a context never passed to FltCreateSectionForDataScan returns STATUS_SUCCESS.
                mutant("ClosesUncreatedSections").breaks("SEC-004")
                        .says("STATUS_INVALID_PARAMETER (0xC000000D)", "STATUS_SUCCESS")
                        .closeSectionForDataScan((ref, section) -> {
                            NtStatus status = ref.closeSectionForDataScan(section);
                            return status.equals(STATUS_INVALID_PARAMETER) ? STATUS_SUCCESS : status;
                        }),
                // FltCloseSectionForDataScan on a section already closed returns STATUS_SUCCESS.
                mutant("CloseSectionTwiceSucceeds").breaks("SEC-005")
                        .says("STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS")
                        .closeSectionForDataScan((ref, section) -> {
                            NtStatus status = ref.closeSectionForDataScan(section);
                            return status.equals(STATUS_NOT_FOUND) ? STATUS_SUCCESS : status;
                        }),
                // FltGetSectionContext on a stream without a section returns STATUS_NOT_SUPPORTED instead of STATUS_NOT_FOUND.
                mutant("NoSectionIsNotSupported").breaks("SEC-006").alsoFails("SEC-003")
                        .says("STATUS_NOT_FOUND (0xC0000225)", "STATUS_NOT_SUPPORTED")
                        .getContext((ref, type, target) -> {
                            ContextResult result = ref.getContext(type, target);
                            return type == ContextType.SECTION && result.status().equals(STATUS_NOT_FOUND)
                                    ? new ContextResult(STATUS_NOT_SUPPORTED, 0) : result;
                        }),
                // FltReferenceContext adds nothing to a section context.
                mutant("SectionReferenceAddsNothing").breaks("SEC-009")
                        .says("reference count of")
                        .referenceContext((ref, context) -> {
                            if (ref.inspectContext(context).contextType() != ContextType.SECTION.value()) {
                                ref.referenceContext(context);
                            }
                        }),
                // FltGetContextsEx never hands back the section context, as if it filled an FLT_RELATED_CONTEXTS.
                mutant("GetContextsDropsSections").breaks("SEC-010")
                        .says("FLT_SECTION_CONTEXT field", "expected \"A\"")
                        .getContexts((ref, target, desired) -> ref.getContexts(target, desired & ~ContextType.SECTION.value())),
                // The last close of a stream leaves its section context's reference in place.
                mutant("SectionOutlivesStream").breaks("SEC-007")
                        .says("reference count of 2", "expected 1")
                        .perScenario(m -> {
                            Map<Long, String> streamOf = new HashMap<>();
                            Map<String, Long> sections = new HashMap<>();
                            List<Long> kept = new ArrayList<>();
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                streamOf.put(fileObject, instance + ":" + fileName + ":" + (streamName == null ? "" : streamName));
                                return fileObject;
                            });
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                String stream = streamOf.get(target.fileObject());
                                if (type == ContextType.SECTION && result.status().isSuccess() && stream != null) {
                                    sections.put(stream, newContext);
                                }
                                return result;
                            });
                            m.closeFile((ref, fileObject) -> {
                                String stream = streamOf.remove(fileObject);
                                boolean last = stream != null && !streamOf.containsValue(stream);
                                Long section = last ? sections.remove(stream) : null;
                                if (section != null && ref.inspectContext(section).attached()) {
                                    ref.referenceContext(section);
                                    kept.add(section);
                                }
                                ref.closeFile(fileObject);
                            });
                            m.unloadFilter((ref, filter) -> {
                                ref.unloadFilter(filter);
                                kept.forEach(ref::releaseContext);
                                kept.clear();
                            });
                        }));
    }
}
