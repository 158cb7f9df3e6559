package fltkit.explore;

import fltkit.spi.Allocation;
import fltkit.spi.CallbackData;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
import fltkit.spi.CallbackEvents;
import fltkit.spi.Capability;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextObjects;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterTeardown;
import fltkit.spi.Irql;
import fltkit.spi.IrqlControl;
import fltkit.spi.PerStreamSupport;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolFaults;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.RelatedContexts;
import fltkit.spi.SectionContexts;
import fltkit.spi.SetOperation;
import fltkit.spi.Transactions;
import fltkit.spi.WindowsVersion;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One implementation as the kit's minifilter drives it during a sequence: the calls, made the way the
 * step definitions of {@code fltkit.steps} make them, and everything those steps remember (the contexts by
 * name and the references held, the objects, each routine's last answer, every callback call). Keeping the
 * steps' semantics exactly is what lets a shrunk sequence be printed as a scenario that behaves the same
 * under Cucumber. Contexts are known by the names the minifilter gives them; their addresses stay private
 * to the side ({@link Freedoms#KIT_HANDLES}).
 */
final class Side {
    static final String FILE_NAME = "\\kit\\data.txt";
    static final byte DIRTY = (byte) 0xA5;

    /** The routines whose last answer a later step checks, as in fltkit.steps.LastAnswer. */
    enum Routine { SET, GET, DELETE, CREATE_SECTION, CLOSE_SECTION }

    final FilterManager fm;
    /** The implementation itself, unguarded (to close it). */
    final FilterManager raw;
    /** Whether this is the implementation under test (a fault there is a finding; on the reference it is the kit's). */
    final boolean underTest;
    final Set<Capability> caps;
    final WindowsVersion version;
    private int minifilterCalls;

    // ---- Registration ----
    Registration registration;
    List<Def> defs = List.of();

    // ---- Contexts, as fltkit.steps.HeldContexts keeps them ----
    final Map<String, Long> named = new LinkedHashMap<>();
    final List<Long> held = new ArrayList<>();
    final Set<Long> seen = new LinkedHashSet<>();
    private final Map<Long, long[]> requests = new HashMap<>();
    /** The block the allocate callback returned while each address was last allocated (AllocationSteps.allocate). */
    private final Map<Long, CallbackEvent> blocks = new HashMap<>();
    /** How many callback calls there were before each address was last allocated. */
    private final Map<Long, Integer> eventsFrom = new HashMap<>();
    /** Every address a successful allocation handed back, in order (a recycled address appears again). */
    final List<Long> allocations = new ArrayList<>();
    /** What the minifilter knows of each name: what it asked for. */
    final Map<String, Asked> asked = new LinkedHashMap<>();

    record Asked(ContextType type, long size, int pool, int allocationIndex) {
    }

    // ---- Last answers ----
    Allocation lastAllocation;
    PoolSnapshot poolBeforeAllocation;
    final Map<Routine, ContextResult> typed = new EnumMap<>(Routine.class);
    Routine lastTyped;
    boolean handedBackReleased;
    RelatedContexts lastGetContexts;
    boolean getContextsReleased;
    CallbackDataResult lastCallbackData;
    /** Whether the last callback data was allocated with FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY. */
    boolean currentPreallocated;
    fltkit.spi.NtStatus lastIo;
    PoolSnapshot noted;

    // ---- Objects, as fltkit.steps.MinifilterObjects keeps them ----
    long volume;
    long instance;
    long fileObject;
    long secondHandle;
    long otherVolume;
    long otherInstance;
    long otherFileObject;
    long transaction;
    boolean filterUnloaded;
    final Set<Long> openFileObjects = new LinkedHashSet<>();
    final Set<Long> activeTransactions = new LinkedHashSet<>();
    final Set<Long> mountedVolumes = new LinkedHashSet<>();
    final Set<Long> liveCallbackData = new LinkedHashSet<>();

    // ---- What has happened to the objects (the generator's view; the steps need no such flags) ----
    final Set<ContextType> tornDown = EnumSet.noneOf(ContextType.class);
    /** Which handle's stream handle object is being torn down (1 the first, 2 the second), 0 for none. */
    int streamHandleTornDown;
    boolean detached;
    boolean dismounted;
    boolean transactionEnded;
    boolean filterTeardownBegun;
    boolean perStreamOff;
    /** Section contexts once given to FltCreateSectionForDataScan with success. */
    final Set<String> sectionsCreated = new LinkedHashSet<>();

    /** Every call into the minifilter's context callbacks so far, drained after each call. */
    final List<CallbackEvent> events = new ArrayList<>();

    Side(FilterManager implementation, WindowsVersion version, boolean underTest) {
        this.raw = implementation;
        this.underTest = underTest;
        this.caps = Capability.of(implementation);
        this.fm = guarded(implementation, caps);
        this.version = version;
    }

    /** Calls the minifilter made (observation calls such as inspection are not counted). */
    int minifilterCalls() {
        return minifilterCalls;
    }

    boolean declares(Capability capability) {
        return caps.contains(capability);
    }

    <T> T role(Class<T> role) {
        return role.cast(fm);
    }

    long filter() {
        return registration.filter();
    }

    // =====================================================================================================
    // The minifilter's calls, as the steps make them
    // =====================================================================================================

    void register(List<Def> definitions) {
        defs = List.copyOf(definitions);
        List<ContextRegistration> entries = new ArrayList<>();
        definitions.forEach(d -> entries.add(d.entry()));
        registration = fm.registerFilter(entries, true);
    }

    /** The definition that served the named context. */
    Def defOf(String name) {
        Asked a = asked.get(name);
        return Def.serving(defs, a.type(), a.size()).orElseThrow();
    }

    void note() {
        noted = role(PoolAccounting.class).pool();
    }

    void attach() {
        ContextObjects objects = role(ContextObjects.class);
        volume = objects.mountVolume();
        mountedVolumes.add(volume);
        instance = objects.attachInstance(filter(), volume);
        fileObject = open(instance);
    }

    void secondSet() {
        ContextObjects objects = role(ContextObjects.class);
        otherVolume = objects.mountVolume();
        mountedVolumes.add(otherVolume);
        otherInstance = objects.attachInstance(filter(), otherVolume);
        otherFileObject = open(otherInstance);
    }

    void openAgain() {
        secondHandle = open(instance);
    }

    private long open(long inst) {
        long opened = role(ContextObjects.class).openFile(inst, FILE_NAME, null);
        openFileObjects.add(opened);
        return opened;
    }

    /** FltAllocateContext; a success is held until released (AllocationSteps.allocate). */
    Allocation allocate(int type, long size, int pool) {
        poolBeforeAllocation = declares(Capability.POOL_ACCOUNTING) ? role(PoolAccounting.class).pool() : null;
        drainEvents();
        int from = events.size();
        Allocation allocation = fm.allocateContext(filter(), type, size, pool);
        lastAllocation = allocation;
        if (allocation.status().isSuccess()) {
            hold(allocation.returnedContext());
            requests.put(allocation.returnedContext(), new long[] {type, size});
            allocations.add(allocation.returnedContext());
            drainEvents();
            CallbackEvent block = null;
            for (CallbackEvent event : events.subList(from, events.size())) {
                if (event.kind() == CallbackEvent.Kind.ALLOCATE && event.address() != 0) {
                    block = event;
                }
            }
            blocks.put(allocation.returnedContext(), block);
            eventsFrom.put(allocation.returnedContext(), from);
        }
        return allocation;
    }

    /** The block the allocate callback returned while the context was allocated, if it returned one. */
    java.util.Optional<CallbackEvent> blockOf(long context) {
        return java.util.Optional.ofNullable(blocks.get(context));
    }

    /** The callback calls since the context was allocated (ContextCallbackSteps.since). */
    List<CallbackEvent> eventsSince(long context) {
        return events.subList(Math.min(eventsFrom.getOrDefault(context, 0), events.size()), events.size());
    }

    /** The named allocation step: the scenario needs it to succeed; false when it did not. */
    boolean allocateNamed(String name, ContextType type, long size, int pool) {
        Allocation allocation = allocate(type.value(), size, pool);
        if (!allocation.status().equals(fltkit.spi.NtStatus.STATUS_SUCCESS)) {
            return false;
        }
        named.put(name, allocation.returnedContext());
        asked.put(name, new Asked(type, size, pool, allocations.size() - 1));
        return true;
    }

    /** ExplorationSteps: allocate and release, {@code count} times; false when an allocation failed. */
    boolean burst(ContextType type, long size, int pool, int count) {
        for (int i = 0; i < count; i++) {
            Allocation allocation = allocate(type.value(), size, pool);
            if (!allocation.status().equals(fltkit.spi.NtStatus.STATUS_SUCCESS)) {
                return false;
            }
            fm.releaseContext(allocation.returnedContext());
            letGo(allocation.returnedContext());
        }
        return true;
    }

    void reference(String name) {
        long context = named.get(name);
        fm.referenceContext(context);
        hold(context);
    }

    void release(String name) {
        long context = named.get(name);
        fm.releaseContext(context);
        letGo(context);
    }

    void atDispatch(Runnable call) {
        IrqlControl irql = role(IrqlControl.class);
        irql.setCallerIrql(Irql.DISPATCH_LEVEL);
        try {
            call.run();
        } finally {
            irql.setCallerIrql(Irql.PASSIVE_LEVEL);
        }
    }

    void runDeferredWork() {
        role(IrqlControl.class).runDeferredWork();
    }

    void deleteContext(String name) {
        fm.deleteContext(named.get(name));
    }

    /** ContextMemorySteps: "fills {string} with 0xA5 and releases it". */
    void fillAndRelease(String name) {
        long context = named.get(name);
        byte[] dirt = new byte[(int) requestedSize(context)];
        Arrays.fill(dirt, DIRTY);
        role(ContextMemory.class).writeContext(context, 0, dirt);
        fm.releaseContext(context);
        letGo(context);
    }

    // ---- The typed routines (ObjectContextSteps) ----

    ContextTarget target(ContextType type, boolean other) {
        long inst = other ? otherInstance : instance;
        switch (type) {
            case VOLUME:
                return ContextTarget.volume(inst, other ? otherVolume : volume);
            case INSTANCE:
                return ContextTarget.instance(inst);
            case TRANSACTION:
                return ContextTarget.transaction(inst, transaction());
            default:
                return ContextTarget.file(inst, other ? otherFileObject : currentFileObject());
        }
    }

    /** The minifilter's file object: the first handle while it is open, then the second one if there is one. */
    long currentFileObject() {
        return secondHandle != 0 && !openFileObjects.contains(fileObject) ? secondHandle : fileObject;
    }

    /** The transaction, begun the first time it is needed (the second set's transaction is never used here). */
    long transaction() {
        if (transaction == 0) {
            transaction = role(Transactions.class).beginTransaction();
            activeTransactions.add(transaction);
        }
        return transaction;
    }

    void set(String name, ContextType type, int operation, boolean wantOld, boolean other) {
        long context = named.get(name);
        answered(Routine.SET, role(ContextObjects.class).setContext(type, target(type, other), operation, context, wantOld));
    }

    void get(ContextType type) {
        answered(Routine.GET, role(ContextObjects.class).getContext(type, target(type, false)));
    }

    void deleteTyped(ContextType type, boolean wantOld) {
        answered(Routine.DELETE, role(ContextObjects.class).deleteTypedContext(type, target(type, false), wantOld));
    }

    void createSection(String name) {
        long context = named.get(name);
        answered(Routine.CREATE_SECTION, role(ContextObjects.class).setContext(ContextType.SECTION,
                target(ContextType.SECTION, false), SetOperation.KEEP_IF_EXISTS, context, false));
        if (typed.get(Routine.CREATE_SECTION).status().isSuccess()) {
            sectionsCreated.add(name);
        }
    }

    void closeSection(String name) {
        long context = named.get(name);
        answered(Routine.CLOSE_SECTION, new ContextResult(role(SectionContexts.class).closeSectionForDataScan(context), 0));
    }

    private void answered(Routine routine, ContextResult result) {
        typed.put(routine, result);
        lastTyped = routine;
        handedBackReleased = false;
        hold(result.context());
    }

    /** The context the last set, get or delete routine handed back (0 for none). */
    long handedBack() {
        return lastTyped == null ? 0 : typed.get(lastTyped).context();
    }

    void releaseHandedBack() {
        long context = handedBack();
        fm.releaseContext(context);
        letGo(context);
        handedBackReleased = true;
    }

    void getContexts(int desired) {
        long tx = (desired & ContextType.TRANSACTION.value()) != 0 ? transaction() : 0;
        ContextTarget target = new ContextTarget(instance, volume, currentFileObject(), tx);
        lastGetContexts = role(ContextObjects.class).getContexts(target, desired);
        getContextsReleased = false;
        lastGetContexts.contexts().values().forEach(this::hold);
    }

    void releaseContexts() {
        role(ContextObjects.class).releaseContexts(lastGetContexts);
        lastGetContexts.contexts().values().forEach(this::letGo);
        getContextsReleased = true;
    }

    // ---- Objects going away (ObjectSteps) ----

    void closeFirst() {
        close(fileObject);
    }

    void closeSecond() {
        close(secondHandle);
    }

    private void close(long handle) {
        role(ContextObjects.class).closeFile(handle);
        openFileObjects.remove(handle);
    }

    void endTransaction(boolean commit) {
        long tx = transaction();
        role(Transactions.class).endTransaction(tx, commit);
        activeTransactions.remove(tx);
        transactionEnded = true;
    }

    void detach() {
        role(ContextObjects.class).detachInstance(instance);
        detached = true;
    }

    void dismount() {
        role(ContextObjects.class).dismountVolume(volume);
        mountedVolumes.remove(volume);
        openFileObjects.remove(fileObject);
        openFileObjects.remove(secondHandle);
        dismounted = true;
    }

    void unload() {
        role(FilterTeardown.class).unloadFilter(filter());
        filterUnloaded = true;
    }

    void beginTeardown(ContextType type) {
        role(ContextObjects.class).beginObjectTeardown(type, target(type, false));
        tornDown.add(type);
        if (type == ContextType.STREAMHANDLE) {
            streamHandleTornDown = currentFileObject() == fileObject ? 1 : 2;
        }
    }

    void beginFilterTeardown() {
        role(FilterTeardown.class).beginFilterTeardown(filter());
        filterTeardownBegun = true;
    }

    // ---- Fault injection (AllocationSteps) ----

    void noPerStreamSupport() {
        role(PerStreamSupport.class).setPerStreamContextSupport(false);
        perStreamOff = true;
    }

    void poolFailsEveryAllocation() {
        role(PoolFaults.class).failPoolAllocationsAfter(0, Integer.MAX_VALUE);
    }

    void poolRecovers() {
        role(PoolFaults.class).failPoolAllocationsAfter(0, 0);
    }

    void allocateCallbackReturnsNull(int count) {
        role(fltkit.spi.AllocateCallbacks.class).failAllocateCallback(count);
    }

    // ---- Callback data (CallbackDataSteps) ----

    void allocateCallbackData(boolean forFile, boolean ex, int flags) {
        CallbackData data = role(CallbackData.class);
        long file = forFile ? fileObject : 0;
        lastCallbackData = ex ? data.allocateCallbackDataEx(instance, file, flags) : data.allocateCallbackData(instance, file);
        currentPreallocated = flags != 0;
        if (lastCallbackData.callbackData() != 0 && lastCallbackData.status().isSuccess()) {
            liveCallbackData.add(lastCallbackData.callbackData());
        }
    }

    /** The callback data the callback data steps work on: the last one allocated, if it came back and is not freed. */
    boolean hasCurrentCallbackData() {
        return lastCallbackData != null && lastCallbackData.callbackData() != 0
                && liveCallbackData.contains(lastCallbackData.callbackData());
    }

    void performIo() {
        lastIo = role(CallbackData.class).performSynchronousIo(lastCallbackData.callbackData());
    }

    void reuseCallbackData() {
        role(CallbackData.class).reuseCallbackData(lastCallbackData.callbackData());
    }

    void freeCallbackData() {
        long data = lastCallbackData.callbackData();
        role(CallbackData.class).freeCallbackData(data);
        liveCallbackData.remove(data);
    }

    /** LeakCheck.giveEverythingBack, in its order; a bug check on the way is a leak-check finding, as there. */
    void giveEverythingBack(List<String> problems) {
        try {
            for (long context : List.copyOf(held)) {
                fm.releaseContext(context);
                letGo(context);
            }
            for (long data : List.copyOf(liveCallbackData)) {
                role(CallbackData.class).freeCallbackData(data);
            }
            for (long handle : List.copyOf(openFileObjects)) {
                role(ContextObjects.class).closeFile(handle);
            }
            for (long tx : List.copyOf(activeTransactions)) {
                role(Transactions.class).endTransaction(tx, false);
            }
            for (long v : List.copyOf(mountedVolumes)) {
                role(ContextObjects.class).dismountVolume(v);
            }
            if (declares(Capability.FILTER_TEARDOWN) && !filterUnloaded && registration != null
                    && registration.status().isSuccess() && registration.filter() != 0) {
                role(FilterTeardown.class).unloadFilter(registration.filter());
            }
            if (declares(Capability.IRQL)) {
                role(IrqlControl.class).runDeferredWork();
            }
        } catch (Fault fault) {
            if (!fault.stoppedTheMachine()) {
                throw fault;
            }
            problems.add("giving back what the minifilter held stopped the machine (" + fault.getCause().getMessage()
                    + "): something was freed while the minifilter still held it");
        }
    }

    // =====================================================================================================
    // What the side remembers, as the steps look at it
    // =====================================================================================================

    private void hold(long context) {
        if (context != 0) {
            held.add(context);
            seen.add(context);
        }
    }

    private void letGo(long context) {
        held.remove(Long.valueOf(context));
    }

    /**
     * References the minifilter holds on the context it named {@code name}; none once a later allocation took
     * the name's address (the name then stands for a freed context, and the steps would reach the new one).
     */
    int heldOn(String name) {
        Long context = named.get(name);
        if (context == null || !inspectable(name)) {
            return 0;
        }
        return heldCount(context);
    }

    /** References the minifilter holds on the address (they are all alike: any of them may be released). */
    int heldCount(long context) {
        int count = 0;
        for (long h : held) {
            count += h == context ? 1 : 0;
        }
        return count;
    }

    /** Whether the minifilter still holds every reference FltGetContexts handed it (so FltReleaseContexts may give them back). */
    boolean holdsGetContexts() {
        if (lastGetContexts == null || getContextsReleased) {
            return false;
        }
        Map<Long, Integer> needed = new LinkedHashMap<>();
        lastGetContexts.contexts().values().forEach(c -> needed.merge(c, 1, Integer::sum));
        return needed.entrySet().stream().allMatch(e -> heldCount(e.getKey()) >= e.getValue());
    }

    long requestedSize(long context) {
        return requests.get(context)[1];
    }

    int requestedType(long context) {
        return (int) requests.get(context)[0];
    }

    /** What the implementation knows about the named context (its address, as the step inspects it). */
    ContextState inspect(String name) {
        return role(ContextInspection.class).inspectContext(named.get(name));
    }

    /**
     * Whether checks by inspection may still name the context: no later allocation took its address (an
     * inspection would then see the newer context).
     */
    boolean inspectable(String name) {
        Asked a = asked.get(name);
        long address = named.get(name);
        for (int i = a.allocationIndex() + 1; i < allocations.size(); i++) {
            if (allocations.get(i) == address) {
                return false;
            }
        }
        return true;
    }

    /** Whether checks over callback calls may name the context: no other allocation ever had its address. */
    boolean uniqueAddress(String name) {
        long address = named.get(name);
        return allocations.stream().filter(a -> a == address).count() == 1;
    }

    /** Drains the implementation's callback calls into {@link #events} (ScenarioState.callbacks). */
    void drainEvents() {
        if (declares(Capability.CALLBACK_EVENTS)) {
            events.addAll(role(CallbackEvents.class).takeCallbackEvents());
        }
    }

    // =====================================================================================================
    // Every call goes through a guard: counted, and a throw or a null is a Fault naming the call
    // =====================================================================================================

    private static final Set<Class<?>> OBSERVATION = Set.of(ContextInspection.class, CallbackEvents.class, PoolAccounting.class);

    private FilterManager guarded(FilterManager target, Set<Capability> roles) {
        List<Class<?>> interfaces = new ArrayList<>();
        interfaces.add(FilterManager.class);
        roles.forEach(capability -> interfaces.add(capability.role()));
        InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), handler);
    }

    private Object invoke(Object target, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        if (!OBSERVATION.contains(method.getDeclaringClass()) && !method.getName().equals("readContext")
                && !method.getName().equals("close")) {
            minifilterCalls++;
        }
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw new Fault(describe(method, args), e.getCause(), underTest);
        }
        if (method.getReturnType() != void.class) {
            checkAnswer(method, args, result, underTest);
        }
        return result;
    }

    private static void checkAnswer(Method method, Object[] args, Object answer, boolean underTest) {
        if (answer == null) {
            throw new Fault(describe(method, args), "returned null; the SPI promises a value", underTest);
        }
        if (answer.getClass().isRecord()) {
            for (RecordComponent component : answer.getClass().getRecordComponents()) {
                if (!component.getType().isPrimitive()) {
                    try {
                        if (component.getAccessor().invoke(answer) == null) {
                            throw new Fault(describe(method, args), "returned " + answer.getClass().getSimpleName() + " with "
                                    + component.getName() + " = null", underTest);
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    private static String describe(Method method, Object[] args) {
        StringBuilder text = new StringBuilder(method.getName()).append('(');
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    text.append(", ");
                }
                Object arg = args[i];
                text.append(arg instanceof Long && (Long) arg > 0xFFFF ? String.format("0x%X", arg)
                        : arg instanceof byte[] ? ((byte[]) arg).length + " bytes" : String.valueOf(arg));
            }
        }
        return text.append(')').toString();
    }
}
