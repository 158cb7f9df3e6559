package fltkit.explore;

import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One row of the minifilter's registration array, as the kit's registration table spells it.
 *
 * @param size      the registered Size; {@link ContextRegistration#VARIABLE_SIZED_CONTEXTS} for a variable-size definition
 * @param callbacks whether the definition has the minifilter's allocate and free callbacks (then Size is 0)
 */
record Def(ContextType type, long size, boolean noExactSizeMatch, boolean cleanup, boolean callbacks) {

    enum Kind { FIXED, VARIABLE, CALLBACKS }

    Kind kind() {
        return callbacks ? Kind.CALLBACKS : size == ContextRegistration.VARIABLE_SIZED_CONTEXTS ? Kind.VARIABLE : Kind.FIXED;
    }

    /** The entry as the registration steps build it (the default pool tag of the type). */
    ContextRegistration entry() {
        ContextRegistration entry = new ContextRegistration(type.value(), noExactSizeMatch ? ContextRegistration.NO_EXACT_SIZE_MATCH : 0,
                size, 0, cleanup, callbacks, callbacks);
        return entry.withPoolTag(ContextRegistration.fixed(type, 0).poolTag());
    }

    Def withoutCleanup() {
        return new Def(type, size, noExactSizeMatch, false, callbacks);
    }

    Def withoutNoExactSizeMatch() {
        return new Def(type, size, false, cleanup, callbacks);
    }

    /** The table's size cell. */
    String sizeText() {
        return kind() == Kind.VARIABLE ? "FLT_VARIABLE_SIZED_CONTEXTS" : Long.toString(size);
    }

    /** The table's callbacks cell. */
    String callbacksText() {
        String text = (cleanup ? "cleanup+" : "") + (callbacks ? "allocate+free+" : "");
        return text.isEmpty() ? "none" : text.substring(0, text.length() - 1);
    }

    /**
     * The definition that serves a request, as the documents select it: the minifilter's allocate routine when
     * the type has one; else the smallest fixed size that equals the request, or holds it under
     * NO_EXACT_SIZE_MATCH (REG-007, REG-008); else the variable-size definition (REG-006); else none (ALLOC-007).
     */
    static Optional<Def> serving(List<Def> defs, ContextType type, long request) {
        if (request < 1 || request > ContextRegistration.MAXUSHORT) {
            return Optional.empty();
        }
        List<Def> ofType = defs.stream().filter(d -> d.type == type).toList();
        Optional<Def> routine = ofType.stream().filter(Def::callbacks).findFirst();
        if (routine.isPresent()) {
            return routine;
        }
        Optional<Def> fixed = ofType.stream().filter(d -> d.kind() == Kind.FIXED)
                .filter(d -> d.size == request || (d.noExactSizeMatch && d.size >= request))
                .min(Comparator.comparingLong(Def::size));
        return fixed.isPresent() ? fixed : ofType.stream().filter(d -> d.kind() == Kind.VARIABLE).findFirst();
    }
}
