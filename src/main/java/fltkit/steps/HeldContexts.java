package fltkit.steps;

import fltkit.spi.CallbackEvent;
import fltkit.spi.PoolSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contexts of the kit's minifilter: the names a scenario gives them, the references it holds (one entry
 * per reference: a context held twice appears twice), every context it ever held (what the leak check
 * inspects), and the ContextSize each was requested with.
 */
public final class HeldContexts {
    private final Map<String, Long> named = new LinkedHashMap<>();
    private final List<Long> held = new ArrayList<>();
    private final Set<Long> seen = new LinkedHashSet<>();
    private final Map<Long, Request> requests = new HashMap<>();
    /** Every successful allocation in order, also those whose address a later allocation took again. */
    private final List<Request> allocations = new ArrayList<>();
    private PoolSnapshot noted;


    void name(String name, long context) {
        named.put(name, context);
    }

    /** The context the scenario named {@code name}. */
    long named(String name, Judge judge) {
        Long context = named.get(name);
        if (context == null) {
            throw judge.kitError("uses context '" + name + "' before naming it; known: " + named.keySet());
        }
        return context;
    }

    /** The minifilter gained a reference (allocate, reference, get, an OldContext handed back). */
    void hold(long context) {
        if (context != 0) {
            held.add(context);
            seen.add(context);
        }
    }

    /** The minifilter gave one reference back. */
    void letGo(long context) {
        held.remove(Long.valueOf(context));
    }

    List<Long> held() {
        return List.copyOf(held);
    }

    Set<Long> seen() {
        return Set.copyOf(seen);
    }

    /**
     * What FltAllocateContext was asked for when it handed back a context, and what it did meanwhile.
     *
     * @param eventsFrom   how many callback calls the scenario had seen before this allocation: calls about
     *                     this context come after it (an earlier context at the same address had the ones before)
     * @param allocateCall the allocate callback's call that returned the block this context lives in, or null
     *                     when the allocate callback returned no block during the allocation
     */
    record Request(long context, int contextType, long contextSize, int eventsFrom, CallbackEvent allocateCall) {
    }

    void requested(long context, int type, long size, int eventsFrom, CallbackEvent allocateCall) {
        Request request = new Request(context, type, size, eventsFrom, allocateCall);
        requests.put(context, request);
        allocations.add(request);
    }

    /** The newest allocation that handed back this address. */
    Request requestOf(long context, Judge judge) {
        return request(context, judge);
    }

    /** Every successful allocation of the scenario, in order. */
    List<Request> allocations() {
        return List.copyOf(allocations);
    }

    /** The ContextSize the context was requested with. */
    long requestedSize(long context, Judge judge) {
        return request(context, judge).contextSize();
    }

    /** The ContextType the context was requested with. */
    int requestedType(long context, Judge judge) {
        return request(context, judge).contextType();
    }

    private Request request(long context, Judge judge) {
        Request request = requests.get(context);
        if (request == null) {
            throw judge.kitError(String.format("uses context 0x%X, which no allocation of this scenario handed back", context));
        }
        return request;
    }

    void note(PoolSnapshot pool) {
        noted = pool;
    }

    PoolSnapshot noted(Judge judge) {
        return judge.known(noted, "compares the pool with a note it never took");
    }

    /** The scenario's name for a context address, or its hex value. */
    String nameOf(long context) {
        for (Map.Entry<String, Long> entry : named.entrySet()) {
            if (entry.getValue() == context) {
                return "\"" + entry.getKey() + "\" (" + String.format("0x%X", context) + ")";
            }
        }
        return context == 0 ? "NULL_CONTEXT" : String.format("0x%X", context);
    }
}
