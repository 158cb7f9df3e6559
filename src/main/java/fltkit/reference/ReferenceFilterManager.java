package fltkit.reference;

import fltkit.spi.AllocateCallbacks;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackData;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextObjects;
import fltkit.spi.FilterTeardown;
import fltkit.spi.IrqlControl;
import fltkit.spi.NoExactSizeMatch;
import fltkit.spi.PerStreamSupport;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolFaults;
import fltkit.spi.SectionContexts;
import fltkit.spi.Transactions;
import fltkit.spi.VariableSizeContexts;
import fltkit.spi.BugCheck;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.PoolType;
import fltkit.spi.Registration;
import fltkit.spi.RelatedContexts;
import fltkit.spi.WindowsVersion;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;

/**
 * The kit's reference model of the Filter Manager context machinery, behaving as one Windows version. It
 * implements every role of the SPI. Every public method holds the instance's monitor, so concurrent
 * callers see one consistent model.
 */
public class ReferenceFilterManager implements FilterManager, ContextInspection, ContextMemory, CallbackEvents,
        AllocateCallbacks, VariableSizeContexts, NoExactSizeMatch, PoolAccounting, PoolFaults, FilterTeardown,
        PerStreamSupport, IrqlControl, ContextObjects, Transactions, SectionContexts, CallbackData {
    private static final long FIRST_FILTER_HANDLE = 0x7F00_0000L;

    final WindowsVersion version;
    final Pool pool;
    private final Map<Long, Filter> filters = new HashMap<>();
    /** Every context ever allocated, by minifilter address; freed ones stay for inspection. */
    final Map<Long, ContextNode> contexts = new HashMap<>();
    private final List<CallbackEvent> events = new ArrayList<>();
    private final Queue<Runnable> deferredWork = new ArrayDeque<>();
    private long nextFilterHandle = FIRST_FILTER_HANDLE;
    private int allocateCallbackFailures;
    boolean perStreamContextsSupported = true;
    Irql irql = Irql.PASSIVE_LEVEL;
    private final ObjectModel objects = new ObjectModel(this);
    private final CallbackDataModel callbackData;

    public ReferenceFilterManager(WindowsVersion version) {
        this(version, new Pool());
    }

    /** Over another pool: the kit's self-tests pass a broken one. */
    ReferenceFilterManager(WindowsVersion version, Pool pool) {
        this.version = version;
        this.pool = pool;
        this.callbackData = new CallbackDataModel(pool);
    }

    // ---- Registration ----

    @Override
    public synchronized Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
        Object built = RegistrationTable.build(registrations, terminated, version, pool);
        if (built instanceof NtStatus) {
            return new Registration((NtStatus) built, 0);
        }
        long handle = nextFilterHandle++;
        filters.put(handle, new Filter(handle, (RegistrationTable) built));
        return new Registration(NtStatus.STATUS_SUCCESS, handle);
    }

    // ---- FltAllocateContext ----

    @Override
    public synchronized Allocation allocateContext(long filterHandle, int contextType, long contextSize, int poolType) {
        Filter filter = filters.get(filterHandle);
        if (filter == null) {
            return failed(NtStatus.STATUS_INVALID_PARAMETER);
        }
        if (Long.compareUnsigned(contextSize, ContextRegistration.MAXUSHORT) > 0) {
            return failed(NtStatus.STATUS_INVALID_BUFFER_SIZE);
        }
        Optional<ContextType> type = ContextType.fromValue(contextType).filter(t -> t.existsOn(version));
        if (type.isEmpty() || contextSize == 0) {
            return failed(NtStatus.STATUS_INVALID_PARAMETER);
        }
        if (type.get() == ContextType.VOLUME && PoolType.isPaged(poolType)) {
            return failed(NtStatus.STATUS_FLT_MUST_BE_NONPAGED_POOL);
        }
        if (filter.tearingDown) {
            return failed(NtStatus.STATUS_FLT_DELETING_OBJECT);
        }
        if (!perStreamContextsSupported && (type.get() == ContextType.STREAM || type.get() == ContextType.STREAMHANDLE)) {
            return failed(NtStatus.STATUS_NOT_SUPPORTED);
        }
        Optional<ContextDefinition> definition = filter.registrations.select(type.get(), contextSize);
        if (definition.isEmpty()) {
            return failed(NtStatus.STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND);
        }
        ContextNode node = allocateNode(filter, definition.get(), contextSize, poolType);
        if (node == null) {
            return failed(NtStatus.STATUS_INSUFFICIENT_RESOURCES);
        }
        contexts.put(node.address(), node);
        return new Allocation(NtStatus.STATUS_SUCCESS, node.address());
    }

    private static Allocation failed(NtStatus status) {
        return new Allocation(status, 0);
    }

    private ContextNode allocateNode(Filter filter, ContextDefinition definition, long contextSize, int poolType) {
        int wholeSize = ContextNode.HEADER_SIZE + (int) contextSize;
        boolean paged = PoolType.isPaged(poolType);
        switch (definition.kind) {
            case CALLBACK: {
                Pool.Block block = callAllocateCallback(poolType, wholeSize, definition.type);
                return block == null ? null
                        : new ContextNode(filter, definition, contextSize, poolType, ContextOrigin.ALLOCATE_CALLBACK, block);
            }
            case VARIABLE: {
                boolean zeroed = version.atLeast(WindowsVersion.WIN11);
                Pool.Block block = pool.allocate(wholeSize, paged, zeroed);
                return block == null ? null : new ContextNode(filter, definition, contextSize, poolType, ContextOrigin.POOL, block);
            }
            default: {
                if (!isDocumentedPoolType(poolType)) {
                    // An invalid pool type bypasses the lookaside lists (documented as one possible effect).
                    Pool.Block block = pool.allocate(ContextNode.HEADER_SIZE + (int) definition.registeredSize(), paged, false);
                    return block == null ? null
                            : new ContextNode(filter, definition, definition.registeredSize(), poolType, ContextOrigin.POOL, block);
                }
                // The minifilter portion is the definition's registered size, which NO_EXACT_SIZE_MATCH
                // lets exceed the request.
                Lookaside list = paged ? definition.pagedList : definition.nonPagedList;
                Pool.Block block = list.allocate();
                return block == null ? null : new ContextNode(filter, definition, definition.registeredSize(), poolType,
                        paged ? ContextOrigin.PAGED_LOOKASIDE : ContextOrigin.NONPAGED_LOOKASIDE, block);
            }
        }
    }

    private boolean isDocumentedPoolType(int poolType) {
        return poolType == PoolType.NON_PAGED_POOL || poolType == PoolType.PAGED_POOL
                || (poolType == PoolType.NON_PAGED_POOL_NX && version.atLeast(WindowsVersion.WIN8));
    }

    /** The kit's minifilter allocate routine: allocates from pool itself, or returns NULL when scripted to. */
    private Pool.Block callAllocateCallback(int poolType, int wholeSize, ContextType type) {
        Pool.Block block = null;
        if (allocateCallbackFailures > 0) {
            allocateCallbackFailures--;
        } else {
            block = pool.allocate(wholeSize, PoolType.isPaged(poolType), false);
        }
        events.add(CallbackEvent.allocate(poolType, wholeSize, type.value(), block == null ? 0 : block.address, irql));
        return block;
    }

    // ---- Reference counting ----

    @Override
    public synchronized void referenceContext(long context) {
        ContextNode node = node(context);
        if (!node.alive) {
            throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, BugCheck.CONTEXT_USED_AFTER_FREE,
                    String.format("FltReferenceContext on freed context 0x%X", context));
        }
        node.referenceCount++;
    }

    @Override
    public synchronized void releaseContext(long context) {
        ContextNode node = node(context);
        if (!node.alive || node.referenceCount <= 0) {
            throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, BugCheck.CONTEXT_OVER_RELEASED,
                    String.format("FltReleaseContext on freed context 0x%X", context));
        }
        dropReference(node);
    }

    /** Removes one reference; at zero the context is cleaned up and freed (later, at DISPATCH_LEVEL). */
    void dropReference(ContextNode node) {
        node.referenceCount--;
        if (node.referenceCount > 0) {
            return;
        }
        if (node.attachedTo != null) {
            throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, BugCheck.CONTEXT_OVER_RELEASED,
                    String.format("context 0x%X reached a reference count of zero while still attached", node.address()));
        }
        if (irql.compareTo(Irql.DISPATCH_LEVEL) >= 0) {
            deferredWork.add(() -> free(node));
        } else {
            free(node);
        }
    }

    private void free(ContextNode node) {
        ContextRegistration entry = node.definition.entry;
        if (entry.cleanupCallback()) {
            node.cleanupCalls++;
            events.add(CallbackEvent.cleanup(node.address(), node.type.value(), irql));
        }
        node.alive = false;
        switch (node.origin) {
            case ALLOCATE_CALLBACK:
                events.add(CallbackEvent.free(node.block.address, node.type.value(), irql));
                pool.free(node.block);
                break;
            case PAGED_LOOKASIDE:
                node.definition.pagedList.free(node.block);
                break;
            case NONPAGED_LOOKASIDE:
                node.definition.nonPagedList.free(node.block);
                break;
            default:
                pool.free(node.block);
        }
    }

    @Override
    public synchronized void deleteContext(long context) {
        ContextNode node = node(context);
        if (!node.alive) {
            throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, BugCheck.CONTEXT_USED_AFTER_FREE,
                    String.format("FltDeleteContext on freed context 0x%X", context));
        }
        objects.deleteContext(node);
    }

    // ---- Observation ----

    @Override
    public synchronized ContextState inspectContext(long context) {
        return node(context).state();
    }

    @Override
    public synchronized byte[] readContext(long context, int offset, int length) {
        ContextNode node = liveNode(context);
        checkBounds(node, offset, length);
        byte[] copy = new byte[length];
        System.arraycopy(node.block.bytes, ContextNode.HEADER_SIZE + offset, copy, 0, length);
        return copy;
    }

    @Override
    public synchronized void writeContext(long context, int offset, byte[] data) {
        ContextNode node = liveNode(context);
        checkBounds(node, offset, data.length);
        System.arraycopy(data, 0, node.block.bytes, ContextNode.HEADER_SIZE + offset, data.length);
    }

    private static void checkBounds(ContextNode node, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > node.size) {
            throw new IllegalArgumentException(String.format("bytes %d..%d are outside context 0x%X of %d bytes",
                    offset, offset + length, node.address(), node.size));
        }
    }

    @Override
    public synchronized List<CallbackEvent> takeCallbackEvents() {
        List<CallbackEvent> taken = List.copyOf(events);
        events.clear();
        return taken;
    }

    @Override
    public synchronized PoolSnapshot pool() {
        long cached = 0;
        long cachedBytes = 0;
        for (Filter filter : filters.values()) {
            for (ContextType type : ContextType.values()) {
                for (ContextDefinition definition : filter.registrations.definitions(type)) {
                    if (definition.kind == ContextDefinition.Kind.FIXED) {
                        int entries = definition.pagedList.cachedEntries() + definition.nonPagedList.cachedEntries();
                        cached += entries;
                        cachedBytes += (long) entries * (ContextNode.HEADER_SIZE + definition.registeredSize());
                    }
                }
            }
        }
        long live = contexts.values().stream().filter(n -> n.alive).count();
        return new PoolSnapshot(pool.outstandingBlocks() - cached, pool.outstandingBytes() - cachedBytes, live);
    }

    // ---- Fault injection ----

    @Override
    public synchronized void failAllocateCallback(int count) {
        allocateCallbackFailures = count;
    }

    @Override
    public synchronized void beginFilterTeardown(long filter) {
        filter(filter).tearingDown = true;
    }

    @Override
    public synchronized void setPerStreamContextSupport(boolean supported) {
        perStreamContextsSupported = supported;
    }

    @Override
    public synchronized void setCallerIrql(Irql newIrql) {
        irql = newIrql;
    }

    @Override
    public synchronized void runDeferredWork() {
        Irql saved = irql;
        irql = Irql.PASSIVE_LEVEL;
        try {
            while (!deferredWork.isEmpty()) {
                deferredWork.poll().run();
            }
        } finally {
            irql = saved;
        }
    }

    @Override
    public synchronized void failPoolAllocationsAfter(int successes, int count) {
        pool.failAfter(successes, count);
    }

    @Override
    public synchronized void unloadFilter(long filter) {
        Filter unloading = filter(filter);
        unloading.tearingDown = true;
        objects.unloadFilter(unloading);
        unloading.unloaded = true;
    }

    // ---- Objects and the typed routines (ObjectModel) ----

    @Override
    public synchronized long mountVolume() {
        return objects.mountVolume();
    }

    @Override
    public synchronized long attachInstance(long filter, long volume) {
        return objects.attachInstance(filter(filter), volume);
    }

    @Override
    public synchronized void detachInstance(long instance) {
        objects.detachInstance(instance);
    }

    @Override
    public synchronized void dismountVolume(long volume) {
        objects.dismountVolume(volume);
    }

    @Override
    public synchronized long openFile(long instance, String fileName, String streamName) {
        return objects.openFile(instance, fileName, streamName);
    }

    @Override
    public synchronized void closeFile(long fileObject) {
        objects.closeFile(fileObject);
    }

    @Override
    public synchronized void beginObjectTeardown(ContextType type, ContextTarget target) {
        objects.beginObjectTeardown(type, target);
    }

    @Override
    public synchronized ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext,
                                                 boolean wantOldContext) {
        return objects.set(type, target, operation, newContext, wantOldContext);
    }

    @Override
    public synchronized ContextResult getContext(ContextType type, ContextTarget target) {
        return objects.get(type, target);
    }

    @Override
    public synchronized ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
        return objects.delete(type, target, wantOldContext);
    }

    @Override
    public synchronized NtStatus closeSectionForDataScan(long sectionContext) {
        return objects.closeSection(sectionContext);
    }

    @Override
    public synchronized RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
        return objects.getContexts(target, desiredContexts);
    }

    @Override
    public synchronized void releaseContexts(RelatedContexts contexts) {
        contexts.contexts().values().forEach(this::releaseContext);
    }

    @Override
    public synchronized long beginTransaction() {
        return objects.beginTransaction();
    }

    @Override
    public synchronized void endTransaction(long transaction, boolean commit) {
        objects.endTransaction(transaction);
    }

    // ---- Callback data (CallbackDataModel) ----

    @Override
    public synchronized CallbackDataResult allocateCallbackData(long instance, long fileObject) {
        return objects.isInstance(instance) ? callbackData.allocate(0)
                : new CallbackDataResult(NtStatus.STATUS_INVALID_PARAMETER, 0);
    }

    @Override
    public synchronized CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
        if (!version.atLeast(WindowsVersion.WIN7)) {
            return new CallbackDataResult(NtStatus.STATUS_NOT_IMPLEMENTED, 0);
        }
        return objects.isInstance(instance) ? callbackData.allocate(flags)
                : new CallbackDataResult(NtStatus.STATUS_INVALID_PARAMETER, 0);
    }

    @Override
    public synchronized void freeCallbackData(long data) {
        callbackData.free(data);
    }

    @Override
    public synchronized void reuseCallbackData(long data) {
        callbackData.reuse(data);
    }

    @Override
    public synchronized NtStatus performSynchronousIo(long data) {
        return callbackData.performSynchronousIo(data);
    }

    @Override
    public synchronized void failFileSystemIo(int count) {
        callbackData.failFileSystemIo(count);
    }

    // ---- Lookups ----

    Filter filter(long handle) {
        Filter filter = filters.get(handle);
        if (filter == null) {
            throw new IllegalArgumentException(String.format("0x%X is not a registered filter", handle));
        }
        return filter;
    }

    ContextNode node(long context) {
        ContextNode node = contexts.get(context);
        if (node == null) {
            throw new IllegalArgumentException(String.format("0x%X is not a context this filter manager allocated", context));
        }
        return node;
    }

    private ContextNode liveNode(long context) {
        ContextNode node = node(context);
        if (!node.alive) {
            throw new IllegalArgumentException(String.format("context 0x%X has been freed", context));
        }
        return node;
    }
}
