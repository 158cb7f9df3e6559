package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.RelatedContexts;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replacements for the SPI's routines, one lambda per routine. Each lambda gets the reference
 * implementation first (to delegate to, or to ask), then the routine's own arguments; a routine without
 * a replacement goes to the reference unchanged.
 */
public abstract class Routines<S extends Routines<S>> {
    /** Every routine of the SPI: the core interface's and every role's. */
    static final Set<String> SPI = spiRoutines();

    /** A replacement as the dynamic proxy calls it: the reference and the call's arguments. */
    @FunctionalInterface
    interface Call {
        Object answer(ReferenceFilterManager reference, Object[] args);
    }

    final Map<String, Call> replaced = new HashMap<>();

    abstract S self();

    private S replace(String routine, Call call) {
        if (!SPI.contains(routine)) {
            throw new IllegalArgumentException(routine + " is not a routine of the SPI");
        }
        replaced.put(routine, call);
        return self();
    }

    private static Set<String> spiRoutines() {
        Set<String> names = new TreeSet<>();
        for (Method method : FilterManager.class.getMethods()) {
            names.add(method.getName());
        }
        for (Capability capability : Capability.values()) {
            for (Method method : capability.role().getMethods()) {
                names.add(method.getName());
            }
        }
        return names;
    }

    // Shapes shared by several routines.
    public interface OnHandle { void call(ReferenceFilterManager ref, long handle); }
    public interface OnCount { void call(ReferenceFilterManager ref, int count); }
    public interface OnNothing { void call(ReferenceFilterManager ref); }
    public interface Query<T> { T call(ReferenceFilterManager ref); }
    public interface StatusOf { NtStatus call(ReferenceFilterManager ref, long handle); }

    // FilterManager
    public interface RegisterFilter { Registration call(ReferenceFilterManager ref, List<ContextRegistration> registrations, boolean terminated); }
    public interface AllocateContext { Allocation call(ReferenceFilterManager ref, long filter, int contextType, long contextSize, int poolType); }

    @SuppressWarnings("unchecked")
    public S registerFilter(RegisterFilter f) { return replace("registerFilter", (r, a) -> f.call(r, (List<ContextRegistration>) a[0], (boolean) a[1])); }
    public S allocateContext(AllocateContext f) { return replace("allocateContext", (r, a) -> f.call(r, (long) a[0], (int) a[1], (long) a[2], (int) a[3])); }
    public S referenceContext(OnHandle f) { return replace("referenceContext", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S releaseContext(OnHandle f) { return replace("releaseContext", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S deleteContext(OnHandle f) { return replace("deleteContext", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S close(OnNothing f) { return replace("close", (r, a) -> { f.call(r); return null; }); }

    // ContextInspection, ContextMemory, CallbackEvents, PoolAccounting
    public interface InspectContext { ContextState call(ReferenceFilterManager ref, long context); }
    public interface ReadContext { byte[] call(ReferenceFilterManager ref, long context, int offset, int length); }
    public interface WriteContext { void call(ReferenceFilterManager ref, long context, int offset, byte[] data); }

    public S inspectContext(InspectContext f) { return replace("inspectContext", (r, a) -> f.call(r, (long) a[0])); }
    public S readContext(ReadContext f) { return replace("readContext", (r, a) -> f.call(r, (long) a[0], (int) a[1], (int) a[2])); }
    public S writeContext(WriteContext f) { return replace("writeContext", (r, a) -> { f.call(r, (long) a[0], (int) a[1], (byte[]) a[2]); return null; }); }
    public S takeCallbackEvents(Query<List<CallbackEvent>> f) { return replace("takeCallbackEvents", (r, a) -> f.call(r)); }
    public S pool(Query<PoolSnapshot> f) { return replace("pool", (r, a) -> f.call(r)); }

    // AllocateCallbacks, PoolFaults, FilterTeardown, PerStreamSupport, IrqlControl, SectionContexts
    public interface FailPoolAllocationsAfter { void call(ReferenceFilterManager ref, int successes, int count); }
    public interface SetPerStreamContextSupport { void call(ReferenceFilterManager ref, boolean supported); }
    public interface SetCallerIrql { void call(ReferenceFilterManager ref, Irql irql); }

    public S failAllocateCallback(OnCount f) { return replace("failAllocateCallback", (r, a) -> { f.call(r, (int) a[0]); return null; }); }
    public S failPoolAllocationsAfter(FailPoolAllocationsAfter f) { return replace("failPoolAllocationsAfter", (r, a) -> { f.call(r, (int) a[0], (int) a[1]); return null; }); }
    public S beginFilterTeardown(OnHandle f) { return replace("beginFilterTeardown", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S unloadFilter(OnHandle f) { return replace("unloadFilter", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S setPerStreamContextSupport(SetPerStreamContextSupport f) { return replace("setPerStreamContextSupport", (r, a) -> { f.call(r, (boolean) a[0]); return null; }); }
    public S setCallerIrql(SetCallerIrql f) { return replace("setCallerIrql", (r, a) -> { f.call(r, (Irql) a[0]); return null; }); }
    public S runDeferredWork(OnNothing f) { return replace("runDeferredWork", (r, a) -> { f.call(r); return null; }); }
    public S closeSectionForDataScan(StatusOf f) { return replace("closeSectionForDataScan", (r, a) -> f.call(r, (long) a[0])); }

    // ContextObjects
    public interface AttachInstance { long call(ReferenceFilterManager ref, long filter, long volume); }
    public interface OpenFile { long call(ReferenceFilterManager ref, long instance, String fileName, String streamName); }
    public interface BeginObjectTeardown { void call(ReferenceFilterManager ref, ContextType type, ContextTarget target); }
    public interface SetContext { ContextResult call(ReferenceFilterManager ref, ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext); }
    public interface GetContext { ContextResult call(ReferenceFilterManager ref, ContextType type, ContextTarget target); }
    public interface DeleteTypedContext { ContextResult call(ReferenceFilterManager ref, ContextType type, ContextTarget target, boolean wantOldContext); }
    public interface GetContexts { RelatedContexts call(ReferenceFilterManager ref, ContextTarget target, int desiredContexts); }
    public interface ReleaseContexts { void call(ReferenceFilterManager ref, RelatedContexts contexts); }

    public S mountVolume(Query<Long> f) { return replace("mountVolume", (r, a) -> f.call(r)); }
    public S attachInstance(AttachInstance f) { return replace("attachInstance", (r, a) -> f.call(r, (long) a[0], (long) a[1])); }
    public S detachInstance(OnHandle f) { return replace("detachInstance", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S dismountVolume(OnHandle f) { return replace("dismountVolume", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S openFile(OpenFile f) { return replace("openFile", (r, a) -> f.call(r, (long) a[0], (String) a[1], (String) a[2])); }
    public S closeFile(OnHandle f) { return replace("closeFile", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S beginObjectTeardown(BeginObjectTeardown f) { return replace("beginObjectTeardown", (r, a) -> { f.call(r, (ContextType) a[0], (ContextTarget) a[1]); return null; }); }
    public S setContext(SetContext f) { return replace("setContext", (r, a) -> f.call(r, (ContextType) a[0], (ContextTarget) a[1], (int) a[2], (long) a[3], (boolean) a[4])); }
    public S getContext(GetContext f) { return replace("getContext", (r, a) -> f.call(r, (ContextType) a[0], (ContextTarget) a[1])); }
    public S deleteTypedContext(DeleteTypedContext f) { return replace("deleteTypedContext", (r, a) -> f.call(r, (ContextType) a[0], (ContextTarget) a[1], (boolean) a[2])); }
    public S getContexts(GetContexts f) { return replace("getContexts", (r, a) -> f.call(r, (ContextTarget) a[0], (int) a[1])); }
    public S releaseContexts(ReleaseContexts f) { return replace("releaseContexts", (r, a) -> { f.call(r, (RelatedContexts) a[0]); return null; }); }

    // Transactions
    public interface EndTransaction { void call(ReferenceFilterManager ref, long transaction, boolean commit); }

    public S beginTransaction(Query<Long> f) { return replace("beginTransaction", (r, a) -> f.call(r)); }
    public S endTransaction(EndTransaction f) { return replace("endTransaction", (r, a) -> { f.call(r, (long) a[0], (boolean) a[1]); return null; }); }

    // CallbackData
    public interface AllocateCallbackData { CallbackDataResult call(ReferenceFilterManager ref, long instance, long fileObject); }
    public interface AllocateCallbackDataEx { CallbackDataResult call(ReferenceFilterManager ref, long instance, long fileObject, int flags); }

    public S allocateCallbackData(AllocateCallbackData f) { return replace("allocateCallbackData", (r, a) -> f.call(r, (long) a[0], (long) a[1])); }
    public S allocateCallbackDataEx(AllocateCallbackDataEx f) { return replace("allocateCallbackDataEx", (r, a) -> f.call(r, (long) a[0], (long) a[1], (int) a[2])); }
    public S freeCallbackData(OnHandle f) { return replace("freeCallbackData", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S reuseCallbackData(OnHandle f) { return replace("reuseCallbackData", (r, a) -> { f.call(r, (long) a[0]); return null; }); }
    public S performSynchronousIo(StatusOf f) { return replace("performSynchronousIo", (r, a) -> f.call(r, (long) a[0])); }
    public S failFileSystemIo(OnCount f) { return replace("failFileSystemIo", (r, a) -> { f.call(r, (int) a[0]); return null; }); }
}
