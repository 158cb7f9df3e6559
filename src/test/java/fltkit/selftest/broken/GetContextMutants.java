package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;
import static fltkit.spi.NtStatus.STATUS_NOT_SUPPORTED;
import static fltkit.spi.NtStatus.STATUS_SUCCESS;

/** Broken FltGetXxxContext routines. */
public final class GetContextMutants extends MutantTable {
    public GetContextMutants() {
        super("GetContext.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // A successful get routine hands back NULL_CONTEXT (taking and dropping the reference itself).
                mutant("GetHandsBackNull").breaks("GET-001")
                        .says("handed back NULL_CONTEXT", "expected \"A\"").othersMayFail()
                        .getContext((ref, type, target) -> {
                            ContextResult result = ref.getContext(type, target);
                            if (result.status().isSuccess()) {
                                ref.releaseContext(result.context());
                                return new ContextResult(STATUS_SUCCESS, 0);
                            }
                            return result;
                        }),
                // A get routine with nothing to find returns STATUS_SUCCESS and NULL_CONTEXT.
                mutant("NotFoundIsSuccess").breaks("GET-002")
                        .says("STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS").othersMayFail()
                        .getContext((ref, type, target) -> {
                            ContextResult result = ref.getContext(type, target);
                            return result.status().equals(STATUS_NOT_FOUND) ? new ContextResult(STATUS_SUCCESS, 0) : result;
                        }),
                // Looks for stream and stream handle contexts even where the file system has no per-stream contexts.
                mutant("StreamGetIgnoresSupport").breaks("GET-003")
                        .says("expected STATUS_NOT_SUPPORTED (0xC00000BB)")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.getContext((ref, type, target) -> perStream.asIfSupported(() -> ref.getContext(type, target)));
                        }),
                // A get routine that finds a context hands back the one of that type set first and still attached, whatever
                // object it is on.
                mutant("GetFindsOldestOfType").breaks("GET-001").alsoFails("SET-001")
                        .says("expected \"B\"")
                        .perScenario(m -> {
                            List<Long> setInOrder = new ArrayList<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (result.status().isSuccess()) {
                                    setInOrder.add(newContext);
                                }
                                return result;
                            });
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                if (!result.status().isSuccess()) {
                                    return result;
                                }
                                for (long context : setInOrder) {
                                    var state = ref.inspectContext(context);
                                    if (state.alive() && state.attached() && state.contextType() == type.value()) {
                                        if (context != result.context()) {
                                            ref.releaseContext(result.context());
                                            ref.referenceContext(context);
                                        }
                                        return new ContextResult(STATUS_SUCCESS, context);
                                    }
                                }
                                return result;
                            });
                        }),
                // Where this instance never set a context of the type, a get routine hands back (referenced) one another
                // instance set, as if contexts were kept per object only.
                mutant("GetFindsOtherInstancesContext").breaks("GET-002")
                        .says("STATUS_NOT_FOUND (0xC0000225)", "STATUS_SUCCESS")
                        .perScenario(m -> {
                            SetsByInstance sets = SetsByInstance.watch(m);
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                long other = sets.otherInstancesContext(ref, result, type, target, true);
                                if (other != 0) {
                                    ref.referenceContext(other);
                                    return new ContextResult(STATUS_SUCCESS, other);
                                }
                                return result;
                            });
                        }),
                // The status is right, but a get that finds nothing leaves in Context a context of that type another
                // instance set (unreferenced: a pointer the caller would use without holding it).
                mutant("NotFoundLeavesOtherInstancesPointer").breaks("GET-002")
                        .says("expected NULL_CONTEXT")
                        .perScenario(m -> {
                            SetsByInstance sets = SetsByInstance.watch(m);
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                long other = sets.otherInstancesContext(ref, result, type, target, false);
                                return other != 0 ? new ContextResult(STATUS_NOT_FOUND, other) : result;
                            });
                        }),
                // Without per-stream contexts the stream get routines answer STATUS_NOT_SUPPORTED but still hand back, and
                // reference, the context set before.
                mutant("UnsupportedGetHandsBackContext").breaks("GET-003")
                        .says("expected NULL_CONTEXT")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.getContext((ref, type, target) -> {
                                if (perStream.supported() || (type != ContextType.STREAM && type != ContextType.STREAMHANDLE)) {
                                    return ref.getContext(type, target);
                                }
                                ContextResult found = perStream.asIfSupported(() -> ref.getContext(type, target));
                                return new ContextResult(STATUS_NOT_SUPPORTED, found.status().isSuccess() ? found.context() : 0);
                            });
                        }),
                // Looks stream contexts up by file name: a get through a named stream of the file finds the main stream's
                // context while it lives.
                mutant("NamedStreamSeesMainStreamContext").breaks("GET-004")
                        .says("expected STATUS_NOT_FOUND (0xC0000225)")
                        .perScenario(m -> {
                            Map<Long, String> streamOf = new HashMap<>();
                            Map<String, Long> mainStreamContext = new HashMap<>();
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                streamOf.put(fileObject, instance + ":" + fileName + ":" + (streamName == null ? "" : streamName));
                                return fileObject;
                            });
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                String stream = streamOf.get(target.fileObject());
                                if (type == ContextType.STREAM && result.status().isSuccess() && stream != null && stream.endsWith(":")) {
                                    mainStreamContext.put(stream.substring(0, stream.length() - 1), newContext);
                                }
                                return result;
                            });
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                String stream = streamOf.get(target.fileObject());
                                if (type != ContextType.STREAM || !result.status().equals(STATUS_NOT_FOUND) || stream == null
                                        || stream.endsWith(":")) {
                                    return result;
                                }
                                Long main = mainStreamContext.get(stream.substring(0, stream.lastIndexOf(':')));
                                if (main == null || !ref.inspectContext(main).alive()) {
                                    return result;
                                }
                                ref.referenceContext(main);
                                return new ContextResult(STATUS_SUCCESS, main);
                            });
                        }),
                // Finds a stream context only through the file object it was set through, as if it were per handle.
                mutant("StreamContextPerFileObject").breaks("GET-004")
                        .says("STATUS_NOT_FOUND")
                        .perScenario(m -> SharedBreakage.seenOnlyThroughTheFileObjectItWasSetThrough(m, ContextType.STREAM)));
    }

    /** Which instance set each context, for mutants that hand one instance's context to another. */
    private static final class SetsByInstance {
        private final Map<Long, Long> setBy = new HashMap<>();
        private final Set<String> everSet = new HashSet<>();

        static SetsByInstance watch(Mutant.Instance m) {
            SetsByInstance sets = new SetsByInstance();
            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                if (result.status().isSuccess()) {
                    sets.setBy.put(newContext, target.instance());
                    sets.everSet.add(type + "@" + target.instance());
                }
                return result;
            });
            return sets;
        }

        /**
         * For a get that found nothing where this instance never set a context of the type: a live context of that
         * type another instance set (attached to its object, when asked), or 0.
         */
        long otherInstancesContext(ReferenceFilterManager ref, ContextResult found, ContextType type, ContextTarget target,
                                   boolean attachedOnly) {
            if (!found.status().equals(STATUS_NOT_FOUND) || everSet.contains(type + "@" + target.instance())) {
                return 0;
            }
            for (Map.Entry<Long, Long> set : setBy.entrySet()) {
                var state = ref.inspectContext(set.getKey());
                if (set.getValue() != target.instance() && state.alive() && (!attachedOnly || state.attached())
                        && state.contextType() == type.value()) {
                    return set.getKey();
                }
            }
            return 0;
        }
    }
}
