package fltkit.explore;

import fltkit.explore.ContextActions.ProbeKind;
import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.PoolType;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Picks the next thing a well-behaved minifilter does, at random from one seed: a registration array first,
 * then allocations, references and releases, sets, gets and deletes on its objects, objects going away, callback
 * data, IRQL changes and pool faults, each only where the implementation under test declares the role it needs
 * and only where the reference's answers so far make it well formed. The same seed gives the same sequence:
 * only {@link SplittableRandom} and ordered collections decide.
 */
final class Generator {
    private static final long[] FIXED_SIZES = {1, 8, 16, 24, 32, 48, 64, 100, 128, 256, 512, 4096};
    private static final long[] VARIABLE_REQUESTS = {1, 16, 64, 100, 333, 4096, 65535};
    private static final long[] ROUTINE_REQUESTS = {1, 16, 64, 200, 4096};

    private enum Kind {
        ALLOCATE(14), PROBE(3), BURST(2), REFERENCE(6), REFERENCE_AT_DISPATCH(3), RELEASE(10), RELEASE_AT_DISPATCH(3),
        DEFERRED_WORK(1), DELETE_CONTEXT(2), FILL(2), SET(14), GET(5), DELETE_TYPED(3), CREATE_SECTION(4), CLOSE_SECTION(2),
        RELEASE_HANDED_BACK(5), GET_CONTEXTS(3), RELEASE_CONTEXTS(3), CLOSE_FILE(3), END_TRANSACTION(1), DETACH(1),
        DISMOUNT(1), UNLOAD(1), BEGIN_TEARDOWN(3), BEGIN_FILTER_TEARDOWN(1), NO_PER_STREAM(1), ATTACH(2), SECOND_SET(1),
        OPEN_AGAIN(2), CALLBACK_DATA(3), IO(3), REUSE(1), FREE_CALLBACK_DATA(2);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final int TOTAL_WEIGHT;

    static {
        int total = 0;
        for (Kind kind : Kind.values()) {
            total += kind.weight;
        }
        TOTAL_WEIGHT = total;
    }

    private final SplittableRandom random;
    private final Action.Env env;

    Generator(long seed, Action.Env env) {
        this.random = new SplittableRandom(seed);
        this.env = env;
    }

    /** How many actions the sequence gets: between 5 (or {@code length}, if smaller) and {@code length}. */
    int length(int length) {
        int least = Math.min(5, length);
        return least + random.nextInt(length - least + 1);
    }

    /** The next action, given what the reference has answered; null when nothing fits. */
    Action next(Side ref, int position) {
        if (position == 0) {
            return register();
        }
        if (position == 1 && env.has(Capability.OBJECTS) && random.nextInt(100) < 85) {
            return new ObjectActions.Attach();
        }
        for (int attempt = 0; attempt < 40; attempt++) {
            Action action = propose(pick(), ref);
            if (action != null && action.enabled(ref, env)) {
                return action;
            }
        }
        return null;
    }

    private Kind pick() {
        int at = random.nextInt(TOTAL_WEIGHT);
        for (Kind kind : Kind.values()) {
            at -= kind.weight;
            if (at < 0) {
                return kind;
            }
        }
        return Kind.ALLOCATE;
    }

    // ---- Registration ----

    private List<ContextType> types() {
        List<ContextType> types = new ArrayList<>();
        for (ContextType type : ContextType.values()) {
            if (type.existsOn(env.version())) {
                types.add(type);
            }
        }
        return types;
    }

    private Action register() {
        List<ContextType> types = types();
        for (int i = types.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ContextType swap = types.get(i);
            types.set(i, types.get(j));
            types.set(j, swap);
        }
        int count = 1 + random.nextInt(Math.min(4, types.size()));
        List<Def> defs = new ArrayList<>();
        for (ContextType type : types.subList(0, count)) {
            if (env.has(Capability.ALLOCATE_CALLBACK) && random.nextInt(100) < 15) {
                defs.add(new Def(type, 0, false, coin(), true));
                continue;
            }
            int fixed = random.nextInt(4);
            boolean variable = env.has(Capability.VARIABLE_SIZE) && random.nextInt(100) < 30;
            if (fixed == 0 && !variable) {
                fixed = 1;
            }
            List<Long> sizes = new ArrayList<>();
            while (sizes.size() < fixed) {
                long size = FIXED_SIZES[random.nextInt(FIXED_SIZES.length)];
                if (!sizes.contains(size)) {
                    sizes.add(size);
                }
            }
            for (long size : sizes) {
                boolean noExact = env.has(Capability.NO_EXACT_SIZE_MATCH) && random.nextInt(100) < 30;
                defs.add(new Def(type, size, noExact, coin(), false));
            }
            if (variable) {
                defs.add(new Def(type, ContextRegistration.VARIABLE_SIZED_CONTEXTS, false, coin(), false));
            }
        }
        return new ContextActions.Register(defs);
    }

    private boolean coin() {
        return random.nextBoolean();
    }

    // ---- The other actions ----

    private Action propose(Kind kind, Side ref) {
        switch (kind) {
            case ALLOCATE: {
                Request request = request(ref, null);
                return request == null ? null : new ContextActions.Allocate(name(ref), request.type, request.size, request.pool);
            }
            case PROBE:
                return probe(ref);
            case BURST: {
                Request request = request(ref, null);
                return request == null ? null
                        : new ContextActions.Burst(request.type, request.size, request.pool, 1 + random.nextInt(100));
            }
            case REFERENCE:
            case REFERENCE_AT_DISPATCH: {
                String name = held(ref);
                return name == null ? null : new ContextActions.Reference(name, kind == Kind.REFERENCE_AT_DISPATCH);
            }
            case RELEASE:
            case RELEASE_AT_DISPATCH: {
                String name = held(ref);
                return name == null ? null : new ContextActions.Release(name, kind == Kind.RELEASE_AT_DISPATCH);
            }
            case DEFERRED_WORK:
                return new ContextActions.RunDeferredWork();
            case DELETE_CONTEXT: {
                String name = held(ref);
                return name == null ? null : new ContextActions.DeleteContext(name);
            }
            case FILL: {
                String name = held(ref);
                return name == null ? null : new ContextActions.FillAndRelease(name);
            }
            case SET:
                return set(ref);
            case GET:
                return new ObjectActions.Get(likelyType(ref));
            case DELETE_TYPED:
                return new ObjectActions.DeleteTyped(likelyType(ref), random.nextInt(100) < 40);
            case CREATE_SECTION: {
                String name = held(ref, ContextType.SECTION);
                return name == null ? null : new ObjectActions.CreateSection(name);
            }
            case CLOSE_SECTION: {
                String name = held(ref, ContextType.SECTION);
                return name == null ? null : new ObjectActions.CloseSection(name);
            }
            case RELEASE_HANDED_BACK:
                return new ObjectActions.ReleaseHandedBack();
            case GET_CONTEXTS: {
                Set<ContextType> types = EnumSet.noneOf(ContextType.class);
                int count = 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    ContextType type = anyType();
                    if (type != ContextType.SECTION) {
                        types.add(type);
                    }
                }
                return types.isEmpty() ? null : new ObjectActions.GetContexts(types);
            }
            case RELEASE_CONTEXTS:
                return new ObjectActions.ReleaseContexts();
            case CLOSE_FILE:
                return new ObjectActions.CloseFile(coin());
            case END_TRANSACTION:
                return new ObjectActions.EndTransaction(coin());
            case DETACH:
                return new ObjectActions.End(ObjectActions.Ending.DETACH);
            case DISMOUNT:
                return new ObjectActions.End(ObjectActions.Ending.DISMOUNT);
            case UNLOAD:
                return new ObjectActions.End(ObjectActions.Ending.UNLOAD);
            case BEGIN_TEARDOWN:
                // The instance's teardown refuses the sets of nearly every type, so it is the one to try most.
                return new ObjectActions.BeginTeardown(random.nextInt(100) < 35 ? ContextType.INSTANCE : likelyType(ref));
            case BEGIN_FILTER_TEARDOWN:
                return new ObjectActions.BeginFilterTeardown();
            case NO_PER_STREAM:
                return new ObjectActions.NoPerStreamSupport();
            case ATTACH:
                return new ObjectActions.Attach();
            case SECOND_SET:
                return new ObjectActions.SecondSet();
            case OPEN_AGAIN:
                return new ObjectActions.OpenAgain();
            case CALLBACK_DATA: {
                boolean ex = env.version().atLeast(WindowsVersion.WIN7) && coin();
                return new CallbackDataActions.Allocate(coin(), ex, ex && coin(), random.nextInt(100) < 20);
            }
            case IO:
                return new CallbackDataActions.PerformIo(random.nextInt(100) < 25);
            case REUSE:
                return new CallbackDataActions.ReuseOrFree(false);
            default:
                return new CallbackDataActions.ReuseOrFree(true);
        }
    }

    private record Request(ContextType type, long size, int pool) {
    }

    /** A request one of the registered definitions (of {@code only}, when given) serves. */
    private Request request(Side ref, Def only) {
        if (ref.defs.isEmpty()) {
            return null;
        }
        Def def = only != null ? only : ref.defs.get(random.nextInt(ref.defs.size()));
        long size;
        switch (def.kind()) {
            case VARIABLE: size = VARIABLE_REQUESTS[random.nextInt(VARIABLE_REQUESTS.length)]; break;
            case CALLBACKS: size = ROUTINE_REQUESTS[random.nextInt(ROUTINE_REQUESTS.length)]; break;
            default: size = def.noExactSizeMatch() && coin() ? 1 + random.nextInt((int) def.size()) : def.size();
        }
        return new Request(def.type(), size, pool(def.type()));
    }

    private int pool(ContextType type) {
        if (type == ContextType.VOLUME) {
            return PoolType.NON_PAGED_POOL;
        }
        int choices = env.version().atLeast(WindowsVersion.WIN8) ? 3 : 2;
        switch (random.nextInt(choices)) {
            case 0: return PoolType.PAGED_POOL;
            case 1: return PoolType.NON_PAGED_POOL;
            default: return PoolType.NON_PAGED_POOL_NX;
        }
    }

    private Action probe(Side ref) {
        ProbeKind kind = ProbeKind.values()[random.nextInt(ProbeKind.values().length)];
        switch (kind) {
            case UNREGISTERED: {
                List<ContextType> unregistered = new ArrayList<>();
                for (ContextType type : types()) {
                    if (ref.defs.stream().noneMatch(d -> d.type() == type)) {
                        unregistered.add(type);
                    }
                }
                if (unregistered.isEmpty()) {
                    return null;
                }
                ContextType type = unregistered.get(random.nextInt(unregistered.size()));
                return new ContextActions.Probe(kind, type.value(), 64, pool(type));
            }
            case OVERSIZE: {
                Request request = request(ref, null);
                if (request == null) {
                    return null;
                }
                long largest = ref.defs.stream().filter(d -> d.type() == request.type).mapToLong(Def::size).max().orElse(0);
                return largest >= ContextRegistration.MAXUSHORT ? null
                        : new ContextActions.Probe(kind, request.type.value(), largest + 1, request.pool);
            }
            case ABOVE_MAXUSHORT: {
                Request request = request(ref, null);
                return request == null ? null
                        : new ContextActions.Probe(kind, request.type.value(), coin() ? 65536 : 4294967296L, request.pool);
            }
            case INVALID_TYPE:
                return new ContextActions.Probe(kind, ContextActions.Probe.INVALID_TYPES[random.nextInt(4)], 64, PoolType.PAGED_POOL);
            case CALLBACK_NULL: {
                List<Def> routines = ref.defs.stream().filter(Def::callbacks).toList();
                if (routines.isEmpty()) {
                    return null;
                }
                Request request = request(ref, routines.get(random.nextInt(routines.size())));
                return new ContextActions.Probe(kind, request.type.value(), request.size, request.pool);
            }
            default: {
                Request request = request(ref, null);
                return request == null ? null : new ContextActions.Probe(kind, request.type.value(), request.size, request.pool);
            }
        }
    }

    private Action set(Side ref) {
        List<String> settable = new ArrayList<>();
        for (String name : ref.named.keySet()) {
            ContextType type = ref.asked.get(name).type();
            if (ref.heldOn(name) > 0 && type != ContextType.SECTION && Reach.usable(ref, env, type, false)) {
                settable.add(name);
            }
        }
        if (settable.isEmpty()) {
            return null;
        }
        String name = settable.get(random.nextInt(settable.size()));
        for (int attempt = 0; attempt < 5; attempt++) {
            ContextType type = random.nextInt(100) < 90 ? ref.asked.get(name).type() : anyType();
            int roll = random.nextInt(100);
            int operation = roll < 3 ? 2 : roll < 5 ? 0x7FFFFFFF : roll < 52 ? SetOperation.KEEP_IF_EXISTS : SetOperation.REPLACE_IF_EXISTS;
            boolean other = ref.otherInstance != 0 && random.nextInt(100) < 15;
            boolean wantOld = !other && random.nextInt(100) < 40;
            Action set = new ObjectActions.Set_(name, type, operation, wantOld, other);
            if (set.enabled(ref, env)) {
                return set;
            }
        }
        return null;
    }

    /** Mostly a type the minifilter registered (where something may be set), sometimes any. */
    private ContextType likelyType(Side ref) {
        if (!ref.defs.isEmpty() && random.nextInt(100) < 75) {
            return ref.defs.get(random.nextInt(ref.defs.size())).type();
        }
        return anyType();
    }

    private ContextType anyType() {
        List<ContextType> types = types();
        return types.get(random.nextInt(types.size()));
    }

    /** A name the minifilter holds a reference on, or null. */
    private String held(Side ref) {
        return held(ref, null);
    }

    private String held(Side ref, ContextType type) {
        List<String> held = new ArrayList<>();
        for (String name : ref.named.keySet()) {
            if (ref.heldOn(name) > 0 && (type == null || ref.asked.get(name).type() == type)) {
                held.add(name);
            }
        }
        return held.isEmpty() ? null : held.get(random.nextInt(held.size()));
    }

    /** The next fresh name: A, B, ..., Z, AA, AB, ... */
    private static String name(Side ref) {
        return nameOf(ref.named.size());
    }

    static String nameOf(int index) {
        String name = "";
        int n = index;
        do {
            name = (char) ('A' + n % 26) + name;
            n = n / 26 - 1;
        } while (n >= 0);
        return name;
    }
}
