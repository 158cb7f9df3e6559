package fltkit.steps;

import java.util.EnumMap;
import java.util.Map;

/**
 * What each routine the scenario called last answered, by routine, with the call as messages name it. A
 * step that checks an answer the scenario never asked for is the kit's mistake.
 */
public final class LastAnswer {
    /** The routines whose answers later steps check. */
    enum Routine {
        ALLOCATE("FltAllocateContext"), SET("the set routine"), GET("the get routine"), DELETE("the delete routine"),
        CREATE_SECTION("FltCreateSectionForDataScan"), CLOSE_SECTION("FltCloseSectionForDataScan"),
        GET_CONTEXTS("FltGetContexts"), ALLOCATE_CALLBACK_DATA("FltAllocateCallbackData"), SYNCHRONOUS_IO("the I/O");

        private final String text;

        Routine(String text) {
            this.text = text;
        }

        /** The set, get and delete routines (section create and close among them): "the routine" of a step. */
        boolean typedContextRoutine() {
            return this == SET || this == GET || this == DELETE || this == CREATE_SECTION || this == CLOSE_SECTION;
        }
    }

    private record Entry(String call, Object result) {
    }

    private final Map<Routine, Entry> byRoutine = new EnumMap<>(Routine.class);
    private Routine lastTyped;

    void answered(Routine routine, String call, Object result) {
        byRoutine.put(routine, new Entry(call, result));
        if (routine.typedContextRoutine()) {
            lastTyped = routine;
        }
    }

    /** What the routine last answered. */
    <T> T of(Routine routine, Class<T> type, Judge judge) {
        return type.cast(entry(routine, judge).result());
    }

    /** The routine's last call, as messages name it. */
    String call(Routine routine, Judge judge) {
        return entry(routine, judge).call();
    }

    /** Whether the routine was called. */
    boolean has(Routine routine) {
        return byRoutine.containsKey(routine);
    }

    /** The set, get or delete routine called last. */
    Routine lastTypedRoutine(Judge judge) {
        if (lastTyped == null) {
            throw judge.kitError("checks a set, get or delete routine's answer before calling one");
        }
        return lastTyped;
    }

    private Entry entry(Routine routine, Judge judge) {
        Entry entry = byRoutine.get(routine);
        if (entry == null) {
            throw judge.kitError("checks " + routine.text + "'s answer before calling it");
        }
        return entry;
    }
}
