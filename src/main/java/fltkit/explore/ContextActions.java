package fltkit.explore;

import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Registration, FltAllocateContext and the reference count: the actions on contexts themselves. */
final class ContextActions {
    private ContextActions() {
    }

    static String allocation(ContextType type, long size, int pool) {
        return "a " + type.symbol() + " of " + size + " bytes from " + PoolType.name(pool);
    }

    /** Whether a well-behaved minifilter may ask for this context now, and a definition serves it. */
    static boolean allocatable(Side ref, Action.Env env, ContextType type, long size, int pool) {
        return registered(ref) && !ref.filterUnloaded && !ref.filterTeardownBegun && type.existsOn(env.version())
                && !(ref.perStreamOff && Reach.streamish(type)) && Reach.poolAllowed(type, pool, env.version())
                && Def.serving(ref.defs, type, size).isPresent();
    }

    /** Sizes a person reads more easily than {@code size}, in the order 64, 32, 16, 1 (so shrinking ends). */
    static List<Long> rounder(long size) {
        List<Long> order = List.of(64L, 32L, 16L, 1L);
        int rank = order.indexOf(size) < 0 ? order.size() : order.indexOf(size);
        return order.subList(0, rank);
    }

    static boolean registered(Side side) {
        return side.registration != null && side.registration.status().isSuccess();
    }

    static Set<Capability> needsOf(Def def) {
        switch (def.kind()) {
            case VARIABLE: return Set.of(Capability.VARIABLE_SIZE);
            case CALLBACKS: return Set.of(Capability.ALLOCATE_CALLBACK);
            default: return def.noExactSizeMatch() ? Set.of(Capability.NO_EXACT_SIZE_MATCH) : Set.of();
        }
    }

    // =====================================================================================================

    /** FltRegisterFilter with the minifilter's registration array: always the first action. */
    record Register(List<Def> defs) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            if (ref.registration != null || defs.isEmpty()) {
                return false;
            }
            for (Def def : defs) {
                if (!def.type().existsOn(env.version()) || !env.caps().containsAll(needsOf(def))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean perform(Side side) {
            side.register(defs);
            return true;
        }

        @Override
        public List<Line> lines() {
            Def only = defs.get(0);
            if (defs.size() == 1 && !only.cleanup() && !only.noExactSizeMatch() && !only.callbacks()) {
                return List.of(Line.given(only.kind() == Def.Kind.VARIABLE
                        ? "the minifilter registers a variable-size " + only.type().symbol() + " definition"
                        : "the minifilter registers a " + only.type().symbol() + " definition of " + only.size() + " bytes"));
            }
            boolean flags = defs.stream().anyMatch(Def::noExactSizeMatch);
            boolean callbacks = defs.stream().anyMatch(d -> d.cleanup() || d.callbacks());
            List<List<String>> table = new ArrayList<>();
            List<String> header = new ArrayList<>(List.of("type", "size"));
            if (flags) {
                header.add("flags");
            }
            if (callbacks) {
                header.add("callbacks");
            }
            table.add(header);
            for (Def def : defs) {
                List<String> row = new ArrayList<>(List.of(def.type().symbol(), def.sizeText()));
                if (flags) {
                    row.add(def.noExactSizeMatch() ? "NO_EXACT_SIZE_MATCH" : "0");
                }
                if (callbacks) {
                    row.add(def.callbacksText());
                }
                table.add(row);
            }
            return List.of(new Line(Keyword.GIVEN, "the minifilter registers these context definitions:", table));
        }

        @Override
        public Set<Capability> needs() {
            Set<Capability> needs = EnumSet.noneOf(Capability.class);
            defs.forEach(d -> needs.addAll(needsOf(d)));
            return needs;
        }

        @Override
        public List<Check> checks(Judging j) {
            return List.of(Check.registerReturns(rule(), NtStatus.STATUS_SUCCESS));
        }

        @Override
        public String rule() {
            Map<ContextType, Integer> perType = new LinkedHashMap<>();
            defs.forEach(d -> perType.merge(d.type(), 1, Integer::sum));
            if (perType.values().stream().anyMatch(n -> n > 1)) {
                return "REG-009";
            }
            return defs.stream().anyMatch(d -> d.kind() == Def.Kind.VARIABLE) ? "REG-006" : "REG-004";
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            for (int i = 0; i < defs.size(); i++) {
                if (defs.size() > 1) {
                    List<Def> without = new ArrayList<>(defs);
                    without.remove(i);
                    simpler.add(new Register(without));
                }
                Def def = defs.get(i);
                if (def.kind() == Def.Kind.CALLBACKS) {
                    simpler.add(replace(i, new Def(def.type(), ContextRegistration.VARIABLE_SIZED_CONTEXTS, false, def.cleanup(), false)));
                }
                if (def.kind() == Def.Kind.VARIABLE) {
                    simpler.add(replace(i, new Def(def.type(), 64, false, def.cleanup(), false)));
                }
                if (def.cleanup()) {
                    simpler.add(replace(i, def.withoutCleanup()));
                }
                if (def.noExactSizeMatch()) {
                    simpler.add(replace(i, def.withoutNoExactSizeMatch()));
                }
            }
            return simpler;
        }

        private Register replace(int index, Def def) {
            List<Def> changed = new ArrayList<>(defs);
            changed.set(index, def);
            return new Register(changed);
        }
    }

    // =====================================================================================================

    /** FltAllocateContext with a request a registered definition serves; the context gets a name. */
    record Allocate(String name, ContextType type, long size, int pool) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return !ref.named.containsKey(name) && allocatable(ref, env, type, size, pool);
        }

        @Override
        public boolean perform(Side side) {
            return side.allocateNamed(name, type, size, pool);
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter allocates " + allocation(type, size, pool) + " as " + Check.quote(name)));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of();
        }

        @Override
        public String rule() {
            return "REG-001";
        }

        @Override
        public String countRule(String other, Judging j) {
            return "ALLOC-001";
        }

        @Override
        public List<Check> checks(Judging j) {
            Side ref = j.reference();
            Env env = j.env();
            Def def = Def.serving(ref.defs, type, size).orElseThrow();
            List<Check> checks = new ArrayList<>();
            for (String other : ref.named.keySet()) {
                ContextState state = other.equals(name) || !ref.inspectable(other) ? null : ref.inspect(other);
                if (state != null && state.alive() && state.referenceCount() > 0) {
                    checks.add(Check.distinct("ALLOC-001", name, other));
                }
            }
            if (env.has(Capability.CONTEXT_INSPECTION)) {
                checks.add(Check.returnedType(type == ContextType.SECTION ? "ALLOC-004" : "ALLOC-003", type));
                if (def.kind() == Def.Kind.FIXED) {
                    checks.add(Check.returnedPortion(def.noExactSizeMatch() && def.size() != size ? "REG-008" : "REG-004", def.size()));
                } else if (def.kind() == Def.Kind.VARIABLE) {
                    checks.add(Check.returnedPortion("REG-006", size));
                    checks.add(Check.returnedStraightFromPool("REG-006"));
                }
                checks.add(Check.returnedPool(pool == PoolType.NON_PAGED_POOL_NX ? "ALLOC-014" : "ALLOC-013", pool));
            }
            // ZERO-001; everything else about the contents is free (Freedoms.ZERO_002, ZERO_003, ZERO_004).
            if (def.kind() == Def.Kind.VARIABLE && env.version().atLeast(WindowsVersion.WIN11) && env.has(Capability.CONTEXT_MEMORY)) {
                checks.add(Check.everyByteZero("ZERO-001", name));
            }
            if (def.kind() == Def.Kind.CALLBACKS && env.has(Capability.CALLBACK_EVENTS)) {
                checks.add(Check.allocateCalledOnce("ACB-001"));
                checks.add(Check.insideBlock("ACB-001"));
                if (pool != PoolType.NON_PAGED_POOL_NX) { // Freedoms.ACB_008
                    checks.add(Check.askedForPool("ACB-002", pool));
                }
                checks.add(Check.askedForMoreThan("ACB-003", size)); // only "more than": Freedoms.ACB_003
                checks.add(Check.askedForType(type == ContextType.SECTION ? "ACB-005" : "ACB-004", type));
                checks.add(Check.allocateRanAtApcOrBelow("ACB-007"));
            }
            return checks;
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            if (pool != PoolType.PAGED_POOL) {
                simpler.add(new Allocate(name, type, size, PoolType.PAGED_POOL));
            }
            if (pool == PoolType.NON_PAGED_POOL_NX) {
                simpler.add(new Allocate(name, type, size, PoolType.NON_PAGED_POOL));
            }
            for (long rounder : rounder(size)) {
                simpler.add(new Allocate(name, type, rounder, pool));
            }
            return simpler;
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    // =====================================================================================================

    /** Why an allocation the minifilter does not name is expected to fail (or may fail, where a freedom says so). */
    enum ProbeKind { UNREGISTERED, OVERSIZE, ABOVE_MAXUSHORT, INVALID_TYPE, FILTER_TEARDOWN, NO_PER_STREAM, EXHAUSTED, CALLBACK_NULL }

    /** FltAllocateContext with exactly one documented reason to fail (KIT_ERROR_ORDER), unnamed. */
    record Probe(ProbeKind kind, int rawType, long size, int pool) implements Action {
        static final int[] INVALID_TYPES = {0x0000, 0x0005, 0x0080, 0xFFFF};

        Optional<ContextType> type() {
            return ContextType.fromValue(rawType);
        }

        @Override
        public boolean enabled(Side ref, Env env) {
            if (!registered(ref) || ref.filterUnloaded) {
                return false;
            }
            if (kind == ProbeKind.INVALID_TYPE) {
                return !ref.filterTeardownBegun && type().isEmpty() && size == 64 && pool == PoolType.PAGED_POOL;
            }
            if (type().isEmpty() || !type().get().existsOn(env.version()) || !Reach.poolAllowed(type().get(), pool, env.version())) {
                return false;
            }
            ContextType t = type().get();
            boolean perStreamRefused = ref.perStreamOff && Reach.streamish(t);
            boolean registeredType = ref.defs.stream().anyMatch(d -> d.type() == t);
            Optional<Def> serving = Def.serving(ref.defs, t, size);
            boolean clean = !ref.filterTeardownBegun && !perStreamRefused;
            switch (kind) {
                case UNREGISTERED:
                    return clean && !registeredType && size >= 1 && size <= ContextRegistration.MAXUSHORT;
                case OVERSIZE:
                    return clean && registeredType && serving.isEmpty() && size >= 1 && size <= ContextRegistration.MAXUSHORT;
                case ABOVE_MAXUSHORT:
                    return clean && registeredType && size > ContextRegistration.MAXUSHORT;
                case FILTER_TEARDOWN:
                    return ref.filterTeardownBegun && !perStreamRefused && serving.isPresent();
                case NO_PER_STREAM:
                    return !ref.filterTeardownBegun && perStreamRefused && serving.isPresent();
                case EXHAUSTED:
                    return clean && env.has(Capability.POOL_FAULTS) && serving.isPresent();
                case CALLBACK_NULL:
                    return clean && env.has(Capability.ALLOCATE_CALLBACK) && serving.filter(Def::callbacks).isPresent();
                default:
                    return false;
            }
        }

        @Override
        public boolean perform(Side side) {
            if (kind == ProbeKind.EXHAUSTED) {
                side.poolFailsEveryAllocation();
                side.allocate(rawType, size, pool);
                side.poolRecovers();
            } else {
                if (kind == ProbeKind.CALLBACK_NULL) {
                    side.allocateCallbackReturnsNull(1);
                }
                side.allocate(rawType, size, pool);
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            String what = type().map(t -> allocation(t, size, pool))
                    .orElseGet(() -> String.format("a context of type 0x%04X of %d bytes from %s", rawType, size, PoolType.name(pool)));
            Line allocate = Line.when("the minifilter allocates " + what);
            switch (kind) {
                case EXHAUSTED:
                    return List.of(Line.given("the pool fails every allocation"), allocate, Line.given("the pool recovers"));
                case CALLBACK_NULL:
                    return List.of(Line.given("the minifilter's allocate callback returns NULL the next 1 time"), allocate);
                default:
                    return List.of(allocate);
            }
        }

        @Override
        public int checkPoint() {
            return kind == ProbeKind.EXHAUSTED || kind == ProbeKind.CALLBACK_NULL ? 2 : 1;
        }

        @Override
        public Set<Capability> needs() {
            switch (kind) {
                case EXHAUSTED: return Set.of(Capability.POOL_FAULTS);
                case CALLBACK_NULL: return Set.of(Capability.ALLOCATE_CALLBACK);
                case NO_PER_STREAM: return Set.of(Capability.STREAM_SUPPORT_TOGGLE);
                case FILTER_TEARDOWN: return Set.of(Capability.FILTER_TEARDOWN);
                default: return Set.of();
            }
        }

        List<NtStatus> expected() {
            switch (kind) {
                case UNREGISTERED:
                case OVERSIZE:
                    return List.of(NtStatus.STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND);
                case ABOVE_MAXUSHORT:
                    return List.of(NtStatus.STATUS_INVALID_BUFFER_SIZE);
                case INVALID_TYPE:
                    return Freedoms.ALLOC_006.allowed();
                case FILTER_TEARDOWN:
                    return List.of(NtStatus.STATUS_FLT_DELETING_OBJECT);
                case NO_PER_STREAM:
                    return Freedoms.ALLOC_012.allowed();
                default:
                    return List.of(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
            }
        }

        @Override
        public String rule() {
            switch (kind) {
                case UNREGISTERED: return "REG-001";
                case OVERSIZE: return "ALLOC-007";
                case ABOVE_MAXUSHORT: return "ALLOC-002";
                case INVALID_TYPE: return "ALLOC-006";
                case FILTER_TEARDOWN: return "ALLOC-009";
                case NO_PER_STREAM: return "ALLOC-012";
                case CALLBACK_NULL: return "ACB-006";
                default: return "ALLOC-010";
            }
        }

        @Override
        public String countRule(String name, Judging j) {
            return "ALLOC-011";
        }

        @Override
        public List<Check> checks(Judging j) {
            List<Check> checks = new ArrayList<>();
            checks.add(Check.allocateReturns(rule(), expected()));
            NtStatus referenceAnswer = j.reference().lastAllocation.status();
            // Where a freedom lets the answers differ, the consequences of a failure are judged only when both failed.
            if (!referenceAnswer.isSuccess() && !j.underTest().lastAllocation.status().isSuccess()) {
                checks.add(Check.noContextHandedBack("ALLOC-011"));
            }
            return checks;
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            if (pool != PoolType.PAGED_POOL) {
                simpler.add(new Probe(kind, rawType, size, PoolType.PAGED_POOL));
            }
            if (kind == ProbeKind.ABOVE_MAXUSHORT && size != 65536) {
                simpler.add(new Probe(kind, rawType, 65536, pool));
            }
            return simpler;
        }
    }

    // =====================================================================================================

    /** ExplorationSteps: many short-lived contexts, each allocated and released at once. */
    record Burst(ContextType type, long size, int pool, int count) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return count >= 1 && allocatable(ref, env, type, size, pool);
        }

        @Override
        public boolean perform(Side side) {
            return side.burst(type, size, pool, count);
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter allocates and releases " + allocation(type, size, pool) + " " + count
                    + (count == 1 ? " time" : " times")));
        }

        @Override
        public String rule() {
            return "REG-001";
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            for (int less = count / 2; less >= 1; less /= 2) {
                simpler.add(new Burst(type, size, pool, count - less));
            }
            if (pool != PoolType.PAGED_POOL) {
                simpler.add(new Burst(type, size, PoolType.PAGED_POOL, count));
            }
            for (long rounder : rounder(size)) {
                simpler.add(new Burst(type, rounder, pool, count));
            }
            return simpler;
        }
    }

    // =====================================================================================================

    private static boolean nonPaged(Side ref, String name) {
        Side.Asked asked = ref.asked.get(name);
        return asked != null && asked.pool() != PoolType.PAGED_POOL;
    }

    /** FltReferenceContext on a context the minifilter holds (at DISPATCH_LEVEL only for nonpaged memory). */
    record Reference(String name, boolean atDispatch) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return ref.heldOn(name) >= 1 && (!atDispatch || (env.has(Capability.IRQL) && nonPaged(ref, name)));
        }

        @Override
        public boolean perform(Side side) {
            if (atDispatch) {
                side.atDispatch(() -> side.reference(name));
            } else {
                side.reference(name);
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter references " + Check.quote(name) + (atDispatch ? " at DISPATCH_LEVEL" : "")));
        }

        @Override
        public Set<Capability> needs() {
            return atDispatch ? Set.of(Capability.IRQL) : Set.of();
        }

        @Override
        public String rule() {
            return "REF-001";
        }

        @Override
        public String countRule(String other, Judging j) {
            return "REF-001";
        }

        @Override
        public List<Action> simpler() {
            return atDispatch ? List.of(new Reference(name, false)) : List.of();
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** FltReleaseContext of one reference the minifilter holds (at DISPATCH_LEVEL only for nonpaged memory). */
    record Release(String name, boolean atDispatch) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return ref.heldOn(name) >= 1 && (!atDispatch || (env.has(Capability.IRQL) && nonPaged(ref, name)));
        }

        @Override
        public boolean perform(Side side) {
            if (atDispatch) {
                side.atDispatch(() -> side.release(name));
            } else {
                side.release(name);
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter releases " + Check.quote(name) + (atDispatch ? " at DISPATCH_LEVEL" : "")));
        }

        @Override
        public Set<Capability> needs() {
            return atDispatch ? Set.of(Capability.IRQL) : Set.of();
        }

        @Override
        public String rule() {
            return "REF-002";
        }

        @Override
        public String countRule(String other, Judging j) {
            if (atDispatch) {
                return "FREE-006";
            }
            return other.equals(name) && !j.reference().inspect(name).alive() ? "REF-003" : "REF-002";
        }

        @Override
        public List<Action> simpler() {
            return atDispatch ? List.of(new Release(name, false)) : List.of();
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** The work items queued at DISPATCH_LEVEL run. */
    record RunDeferredWork() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.IRQL);
        }

        @Override
        public boolean perform(Side side) {
            side.runDeferredWork();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the deferred work runs"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.IRQL);
        }

        @Override
        public String rule() {
            return "FREE-006";
        }

        @Override
        public String countRule(String name, Judging j) {
            return "FREE-006";
        }
    }

    /** FltDeleteContext on a context the minifilter holds (never a section context: SEC-008). */
    record DeleteContext(String name) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return ref.heldOn(name) >= 1 && ref.asked.get(name).type() != ContextType.SECTION;
        }

        @Override
        public boolean perform(Side side) {
            side.deleteContext(name);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter calls FltDeleteContext on " + Check.quote(name)));
        }

        @Override
        public String rule() {
            return "DEL-007";
        }

        @Override
        public String countRule(String other, Judging j) {
            return j.wasAttached(name) ? "DEL-007" : "DEL-008";
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** The minifilter dirties its context and releases it (so recycled memory is visible to the zeroing rule). */
    record FillAndRelease(String name) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.CONTEXT_MEMORY) && ref.heldOn(name) >= 1;
        }

        @Override
        public boolean perform(Side side) {
            side.fillAndRelease(name);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter fills " + Check.quote(name) + " with 0xA5 and releases it"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.CONTEXT_MEMORY);
        }

        @Override
        public String rule() {
            return "REF-002";
        }

        @Override
        public List<Action> simpler() {
            return List.of(new Release(name, false));
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }
}
