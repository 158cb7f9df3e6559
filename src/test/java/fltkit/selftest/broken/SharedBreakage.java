package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static fltkit.spi.NtStatus.STATUS_NOT_FOUND;

/** Pieces of breakage that mutants of more than one table share. */
final class SharedBreakage {
    private SharedBreakage() {
    }

    /**
     * A get of {@code type} finds a context only through the file object it was set through, as if the context
     * belonged to the handle rather than to its stream.
     */
    static void seenOnlyThroughTheFileObjectItWasSetThrough(Mutant.Instance m, ContextType type) {
        Map<Long, Long> setThrough = new HashMap<>();
        m.setContext((ref, asked, target, operation, newContext, wantOld) -> {
            ContextResult result = ref.setContext(asked, target, operation, newContext, wantOld);
            if (asked == type && result.status().isSuccess()) {
                setThrough.put(newContext, target.fileObject());
            }
            return result;
        });
        m.getContext((ref, asked, target) -> {
            ContextResult result = ref.getContext(asked, target);
            Long through = result.status().isSuccess() ? setThrough.get(result.context()) : null;
            if (asked == type && through != null && through != target.fileObject()) {
                ref.releaseContext(result.context());
                return new ContextResult(STATUS_NOT_FOUND, 0);
            }
            return result;
        });
    }

    /**
     * An instance's teardown reaches only the instance's own context: the instances it was asked for are returned,
     * and the filter manager is not told, so everything else still treats them as alive.
     */
    static Set<Long> instanceTeardownSeenOnlyByItsOwnContext(Mutant.Instance m) {
        Set<Long> dying = new HashSet<>();
        m.beginObjectTeardown((ref, type, target) -> {
            if (type == ContextType.INSTANCE) {
                dying.add(target.instance());
            } else {
                ref.beginObjectTeardown(type, target);
            }
        });
        return dying;
    }
}
