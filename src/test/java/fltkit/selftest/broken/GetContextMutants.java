package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;
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
                        .says("STATUS_NOT_SUPPORTED (0xC00000BB)", "STATUS_NOT_FOUND")
                        .perScenario(m -> {
                            var perStream = m.remembersPerStreamSupport();
                            m.getContext((ref, type, target) -> perStream.asIfSupported(() -> ref.getContext(type, target)));
                        }),
                // Finds a stream context only through the file object it was set through, as if it were per handle.
                mutant("StreamContextPerFileObject").breaks("GET-004")
                        .says("STATUS_NOT_FOUND")
                        .perScenario(m -> {
                            Map<Long, Long> setThrough = new HashMap<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (type == ContextType.STREAM && result.status().isSuccess()) {
                                    setThrough.put(newContext, target.fileObject());
                                }
                                return result;
                            });
                            m.getContext((ref, type, target) -> {
                                ContextResult result = ref.getContext(type, target);
                                Long through = result.status().isSuccess() ? setThrough.get(result.context()) : null;
                                if (type == ContextType.STREAM && through != null && through != target.fileObject()) {
                                    ref.releaseContext(result.context());
                                    return new ContextResult(STATUS_NOT_FOUND, 0);
                                }
                                return result;
                            });
                        }));
    }
}
