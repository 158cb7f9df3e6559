package fltkit.explore;

import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.Capability;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.Irql;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One Then-step of the kit's vocabulary, with the rule it checks and an evaluation that does on a
 * {@link Side} exactly what the step definition does on the scenario's state. Exploration generates the
 * step with the reference's answer filled in, keeps it only if it holds on the reference, and judges the
 * implementation by whether it holds there too; so a shrunk scenario ending in the step fails under
 * Cucumber the way the exploration saw it fail.
 *
 * @param ruleId   the rule a failure breaks
 * @param step     the step text without its keyword; null when the action's own step is the check (a named
 *                 allocation the scenario needs to succeed)
 * @param observe  what the side shows for the step, in words; {@code holds} when the step passes
 * @param needs    the capabilities the step uses
 */
record Check(String ruleId, String step, Function<Side, String> observe, Set<Capability> needs) {
    static final String HOLDS = "holds";

    boolean holdsOn(Side side) {
        return HOLDS.equals(observe.apply(side));
    }

    // ---- Registration and allocation ----

    static Check registerReturns(String rule, NtStatus expected) {
        return new Check(rule, "FltRegisterFilter returns " + expected.name(), s -> {
            if (!s.registration.status().equals(expected)) {
                return "FltRegisterFilter returned " + s.registration.status();
            }
            return is(s.registration.status().isSuccess() == (s.registration.filter() != 0), String.format(
                    "FltRegisterFilter returned %s with filter 0x%X", s.registration.status(), s.registration.filter()));
        }, Set.of());
    }

    static Check allocateReturns(String rule, List<NtStatus> allowed) {
        String text = allowed.stream().map(NtStatus::name).collect(Collectors.joining(" or "));
        return new Check(rule, "FltAllocateContext returns " + text,
                s -> is(allowed.contains(s.lastAllocation.status()), "it returned " + s.lastAllocation.status()), Set.of());
    }

    static Check noContextHandedBack(String rule) {
        return new Check(rule, "no context is handed back", s -> {
            Allocation allocation = s.lastAllocation;
            if (allocation.returnedContext() != 0) {
                return String.format("it returned %s yet handed back context 0x%X", allocation.status(), allocation.returnedContext());
            }
            if (s.poolBeforeAllocation != null) {
                long before = s.poolBeforeAllocation.outstandingBlocks();
                long after = s.role(PoolAccounting.class).pool().outstandingBlocks();
                return is(after == before, "it failed but left " + (after - before) + " more pool block(s) outstanding");
            }
            return HOLDS;
        }, Set.of());
    }

    private static ContextState returned(Side s) {
        return s.lastAllocation.returnedContext() == 0 ? null
                : s.role(ContextInspection.class).inspectContext(s.lastAllocation.returnedContext());
    }

    static Check returnedType(String rule, ContextType type) {
        return new Check(rule, "the returned context is a " + type.symbol(), s -> {
            ContextState c = returned(s);
            return c == null ? "no context" : is(c.contextType() == type.value(), String.format("type 0x%04X", c.contextType()));
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    static Check returnedPortion(String rule, long bytes) {
        return new Check(rule, "the returned context has a minifilter portion of " + bytes + " bytes", s -> {
            ContextState c = returned(s);
            return c == null ? "no context" : is(c.size() == bytes, "a portion of " + c.size() + " bytes");
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    static Check returnedPool(String rule, int pool) {
        return new Check(rule, "the returned context comes from " + PoolType.name(pool), s -> {
            ContextState c = returned(s);
            return c == null ? "no context" : is(c.poolType() == pool, "it comes from " + PoolType.name(c.poolType()));
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    static Check returnedStraightFromPool(String rule) {
        return new Check(rule, "the returned context came straight from pool", s -> {
            ContextState c = returned(s);
            return c == null ? "no context" : is(c.origin() == ContextOrigin.POOL, "it came from " + c.origin());
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    /** ExplorationSteps: two names the minifilter holds are two contexts, not one memory. */
    static Check distinct(String rule, String first, String second) {
        return new Check(rule, quote(first) + " and " + quote(second) + " are different contexts",
                s -> is(!s.named.get(first).equals(s.named.get(second)), "both are the memory at "
                        + String.format("0x%X", s.named.get(first))), Set.of());
    }

    // ---- The life cycle (LifeCycleSteps) ----

    static Check referenceCount(String rule, String name, int count) {
        return new Check(rule, quote(name) + " has a reference count of " + count, s -> {
            ContextState c = s.inspect(name);
            return !c.alive() ? "it was freed" : is(c.referenceCount() == count, "a reference count of " + c.referenceCount());
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    static Check freed(String rule, String name) {
        return new Check(rule, quote(name) + " is freed", s -> {
            ContextState c = s.inspect(name);
            return is(!c.alive(), "it is still alive with a reference count of " + c.referenceCount());
        }, Set.of(Capability.CONTEXT_INSPECTION));
    }

    static Check everyByteZero(String rule, String name) {
        return new Check(rule, "every byte of " + quote(name) + " is zero", s -> {
            long context = s.named.get(name);
            byte[] bytes = s.role(ContextMemory.class).readContext(context, 0, (int) s.requestedSize(context));
            long nonZero = 0;
            for (byte b : bytes) {
                nonZero += b != 0 ? 1 : 0;
            }
            return is(nonZero == 0, nonZero + " of " + bytes.length + " bytes non-zero");
        }, Set.of(Capability.CONTEXT_MEMORY));
    }

    // ---- The context callbacks (ContextCallbackSteps) ----

    private static List<CallbackEvent> calls(Side s, CallbackEvent.Kind kind) {
        return s.events.stream().filter(e -> e.kind() == kind).toList();
    }

    private static Optional<CallbackEvent> lastAllocate(Side s) {
        List<CallbackEvent> calls = calls(s, CallbackEvent.Kind.ALLOCATE);
        return calls.isEmpty() ? Optional.empty() : Optional.of(calls.get(calls.size() - 1));
    }

    static Check allocateCalledOnce(String rule) {
        return new Check(rule, "the allocate callback was called once", s -> {
            int n = calls(s, CallbackEvent.Kind.ALLOCATE).size();
            return is(n == 1, "called " + n + " times");
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check insideBlock(String rule) {
        return new Check(rule, "the returned context lies inside the block the allocate callback returned", s -> {
            Optional<CallbackEvent> call = lastAllocate(s);
            if (call.isEmpty()) {
                return "the allocate callback was never called";
            }
            long context = s.lastAllocation.returnedContext();
            long request = s.requestedSize(context);
            CallbackEvent c = call.get();
            return is(c.address() != 0 && context >= c.address() && context + request <= c.address() + c.size(),
                    String.format("context 0x%X is not inside block 0x%X..0x%X", context, c.address(), c.address() + c.size()));
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check askedForPool(String rule, int pool) {
        return lastAllocateIs(rule, "the allocate callback was asked for " + PoolType.name(pool),
                c -> c.poolType() == pool, c -> "asked for " + PoolType.name(c.poolType()));
    }

    static Check askedForMoreThan(String rule, long bytes) {
        return lastAllocateIs(rule, "the allocate callback was asked for more than " + bytes + " bytes",
                c -> c.size() > bytes, c -> "asked for " + c.size() + " bytes");
    }

    static Check askedForType(String rule, ContextType type) {
        return lastAllocateIs(rule, "the allocate callback was asked for a " + type.symbol(),
                c -> c.contextType() == type.value(), c -> String.format("asked for type 0x%04X", c.contextType()));
    }

    static Check allocateRanAtApcOrBelow(String rule) {
        return lastAllocateIs(rule, "the allocate callback ran at APC_LEVEL or below",
                c -> c.irql().compareTo(Irql.APC_LEVEL) <= 0, c -> "it ran at " + c.irql());
    }

    private static Check lastAllocateIs(String rule, String step, java.util.function.Predicate<CallbackEvent> holds,
                                        Function<CallbackEvent, String> otherwise) {
        return new Check(rule, step, s -> lastAllocate(s).map(c -> is(holds.test(c), otherwise.apply(c)))
                .orElse("the allocate callback was never called"), Set.of(Capability.CALLBACK_EVENTS));
    }

    private static List<CallbackEvent> cleanups(Side s, long context) {
        return s.eventsSince(context).stream().filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).toList();
    }

    static Check cleanupRanOnce(String rule, String name, ContextType type) {
        return new Check(rule, "the cleanup callback ran once for " + quote(name) + " as a " + type.symbol(), s -> {
            List<CallbackEvent> found = cleanups(s, s.named.get(name));
            if (found.size() != 1) {
                return "it ran " + found.size() + " time(s)";
            }
            return is(found.get(0).contextType() == type.value(), String.format("it got ContextType 0x%04X", found.get(0).contextType()));
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check cleanupNotRun(String rule, String name) {
        return new Check(rule, "the cleanup callback has not run for " + quote(name), s -> {
            int n = cleanups(s, s.named.get(name)).size();
            return is(n == 0, "it ran " + n + " time(s)");
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    /** The block the allocate callback returned while the context was allocated (ContextCallbackSteps.blockOf). */
    static Optional<CallbackEvent> blockOf(Side s, long context) {
        return s.blockOf(context);
    }

    private static List<CallbackEvent> frees(Side s, long context, CallbackEvent block) {
        return s.eventsSince(context).stream().filter(e -> e.kind() == CallbackEvent.Kind.FREE && e.address() == block.address())
                .toList();
    }

    static Check freeGotBlock(String rule, String name) {
        return new Check(rule, "the free callback got the block the allocate callback returned for " + quote(name), s -> {
            long context = s.named.get(name);
            Optional<CallbackEvent> block = blockOf(s, context);
            if (block.isEmpty()) {
                return "the allocate callback returned no block while it was allocated";
            }
            List<CallbackEvent> frees = frees(s, context, block.get());
            if (frees.size() != 1) {
                return String.format("the free callback got its block 0x%X %d time(s)", block.get().address(), frees.size());
            }
            int type = s.requestedType(context);
            return is(frees.get(0).contextType() == type, String.format("the free callback got ContextType 0x%04X",
                    frees.get(0).contextType()));
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check cleanupBeforeFree(String rule, String name) {
        return new Check(rule, "the cleanup callback for " + quote(name) + " ran before its free callback", s -> {
            long context = s.named.get(name);
            Optional<CallbackEvent> block = blockOf(s, context);
            if (block.isEmpty()) {
                return "the allocate callback returned no block while it was allocated";
            }
            List<CallbackEvent> frees = frees(s, context, block.get());
            List<CallbackEvent> cleanups = cleanups(s, context);
            return is(!cleanups.isEmpty() && !frees.isEmpty() && s.events.indexOf(cleanups.get(0)) < s.events.indexOf(frees.get(0)),
                    "its cleanup callback did not run before its free callback");
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check callbacksBelowDispatch(String rule) {
        return new Check(rule, "every context callback ran at APC_LEVEL or below", s -> {
            Optional<CallbackEvent> high = s.events.stream().filter(e -> e.irql().compareTo(Irql.APC_LEVEL) > 0).findFirst();
            return high.map(e -> "a " + e.kind() + " callback ran at " + e.irql()).orElse(HOLDS);
        }, Set.of(Capability.CALLBACK_EVENTS));
    }

    static Check poolBack(String rule) {
        return new Check(rule, "the pool's outstanding blocks are back to what the kit noted", s -> {
            PoolSnapshot now = s.role(PoolAccounting.class).pool();
            if (now.outstandingBlocks() != s.noted.outstandingBlocks()) {
                return now.outstandingBlocks() + " pool block(s) outstanding, " + s.noted.outstandingBlocks() + " noted";
            }
            return is(now.outstandingBytes() == s.noted.outstandingBytes(), now.outstandingBytes()
                    + " bytes in outstanding pool blocks, " + s.noted.outstandingBytes() + " noted");
        }, Set.of(Capability.POOL_ACCOUNTING));
    }

    // ---- The typed routines (ObjectContextSteps) ----

    static Check typedReturns(String rule, Side.Routine routine, NtStatus expected) {
        String subject = switch (routine) {
            case SET -> "the set routine";
            case GET -> "the get routine";
            case DELETE -> "the delete routine";
            case CREATE_SECTION -> "FltCreateSectionForDataScan";
            case CLOSE_SECTION -> "FltCloseSectionForDataScan";
        };
        return new Check(rule, subject + " returns " + expected.name(), s -> {
            NtStatus actual = s.typed.get(routine).status();
            return is(actual.equals(expected), "it returned " + actual);
        }, Set.of());
    }

    /** "the routine hands back ..." about the last set, get or delete routine; {@code name} null for NULL_CONTEXT. */
    static Check handsBack(String rule, String name) {
        return new Check(rule, "the routine hands back " + (name == null ? "NULL_CONTEXT" : quote(name)), s -> {
            ContextResult result = s.typed.get(s.lastTyped);
            long expected = name == null ? 0 : s.named.get(name);
            return is(result.context() == expected, "it handed back " + nameOf(s, result.context()));
        }, Set.of());
    }

    static Check getContextsHandsBack(String rule, String name, ContextType type) {
        return new Check(rule, "FltGetContexts hands back " + (name == null ? "NULL_CONTEXT" : quote(name)) + " as the " + type.symbol(), s -> {
            long actual = s.lastGetContexts.get(type);
            long expected = name == null ? 0 : s.named.get(name);
            return is(actual == expected, "it handed back " + nameOf(s, actual));
        }, Set.of());
    }

    // ---- Callback data (CallbackDataSteps) ----

    static Check callbackDataReturns(String rule, NtStatus expected) {
        return new Check(rule, "the callback data allocation returns " + expected.name(),
                s -> is(s.lastCallbackData.status().equals(expected), "it returned " + s.lastCallbackData.status()), Set.of());
    }

    static Check callbackDataHandedBack(String rule) {
        return new Check(rule, "callback data is handed back",
                s -> is(s.lastCallbackData.callbackData() != 0, "it handed back NULL callback data"), Set.of());
    }

    static Check noCallbackDataHandedBack(String rule) {
        return new Check(rule, "no callback data is handed back",
                s -> is(s.lastCallbackData.callbackData() == 0, "it handed back callback data"), Set.of());
    }

    static Check ioReturns(String rule, NtStatus expected) {
        return new Check(rule, "the I/O returns " + expected.name(),
                s -> is(s.lastIo.equals(expected), "it returned " + s.lastIo), Set.of());
    }

    // ---- Helpers ----

    private static String is(boolean holds, String otherwise) {
        return holds ? HOLDS : otherwise;
    }

    static String quote(String name) {
        return "\"" + name + "\"";
    }

    /** The side's name for an address, as the steps' messages give it. */
    static String nameOf(Side s, long context) {
        if (context == 0) {
            return "NULL_CONTEXT";
        }
        String found = null;
        for (var entry : s.named.entrySet()) {
            if (entry.getValue() == context) {
                found = entry.getKey();
            }
        }
        return found == null ? "a context the minifilter never named" : quote(found);
    }
}
