package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.*;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
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

import java.util.List;

/** Forwards every call to another implementation; a broken implementation overrides the one routine it breaks. */
public class DelegatingFilterManager implements FilterManager, ContextInspection, ContextMemory, CallbackEvents,
        AllocateCallbacks, VariableSizeContexts, NoExactSizeMatch, PoolAccounting, PoolFaults, FilterTeardown,
        PerStreamSupport, IrqlControl, ContextObjects, Transactions, SectionContexts, CallbackData {
    protected final ReferenceFilterManager inner;

    public DelegatingFilterManager(ReferenceFilterManager inner) {
        this.inner = inner;
    }

    @Override public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) { return inner.registerFilter(registrations, terminated); }
    @Override public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) { return inner.allocateContext(filter, contextType, contextSize, poolType); }
    @Override public void referenceContext(long context) { inner.referenceContext(context); }
    @Override public void releaseContext(long context) { inner.releaseContext(context); }
    @Override public void deleteContext(long context) { inner.deleteContext(context); }
    @Override public ContextState inspectContext(long context) { return inner.inspectContext(context); }
    @Override public byte[] readContext(long context, int offset, int length) { return inner.readContext(context, offset, length); }
    @Override public void writeContext(long context, int offset, byte[] data) { inner.writeContext(context, offset, data); }
    @Override public List<CallbackEvent> takeCallbackEvents() { return inner.takeCallbackEvents(); }
    @Override public PoolSnapshot pool() { return inner.pool(); }
    @Override public void failAllocateCallback(int count) { inner.failAllocateCallback(count); }
    @Override public void failPoolAllocationsAfter(int successes, int count) { inner.failPoolAllocationsAfter(successes, count); }
    @Override public NtStatus closeSectionForDataScan(long sectionContext) { return inner.closeSectionForDataScan(sectionContext); }
    @Override public void beginFilterTeardown(long filter) { inner.beginFilterTeardown(filter); }
    @Override public void unloadFilter(long filter) { inner.unloadFilter(filter); }
    @Override public void setPerStreamContextSupport(boolean supported) { inner.setPerStreamContextSupport(supported); }
    @Override public void setCallerIrql(Irql irql) { inner.setCallerIrql(irql); }
    @Override public void runDeferredWork() { inner.runDeferredWork(); }
    @Override public long mountVolume() { return inner.mountVolume(); }
    @Override public long attachInstance(long filter, long volume) { return inner.attachInstance(filter, volume); }
    @Override public void detachInstance(long instance) { inner.detachInstance(instance); }
    @Override public void dismountVolume(long volume) { inner.dismountVolume(volume); }
    @Override public long openFile(long instance, String fileName, String streamName) { return inner.openFile(instance, fileName, streamName); }
    @Override public void closeFile(long fileObject) { inner.closeFile(fileObject); }
    @Override public void beginObjectTeardown(ContextType type, ContextTarget target) { inner.beginObjectTeardown(type, target); }
    @Override public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) { return inner.setContext(type, target, operation, newContext, wantOldContext); }
    @Override public ContextResult getContext(ContextType type, ContextTarget target) { return inner.getContext(type, target); }
    @Override public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) { return inner.deleteTypedContext(type, target, wantOldContext); }
    @Override public RelatedContexts getContexts(ContextTarget target, int desiredContexts) { return inner.getContexts(target, desiredContexts); }
    @Override public void releaseContexts(RelatedContexts contexts) { inner.releaseContexts(contexts); }
    @Override public long beginTransaction() { return inner.beginTransaction(); }
    @Override public void endTransaction(long transaction, boolean commit) { inner.endTransaction(transaction, commit); }
    @Override public CallbackDataResult allocateCallbackData(long instance, long fileObject) { return inner.allocateCallbackData(instance, fileObject); }
    @Override public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) { return inner.allocateCallbackDataEx(instance, fileObject, flags); }
    @Override public void freeCallbackData(long callbackData) { inner.freeCallbackData(callbackData); }
    @Override public void reuseCallbackData(long callbackData) { inner.reuseCallbackData(callbackData); }
    @Override public NtStatus performSynchronousIo(long callbackData) { return inner.performSynchronousIo(callbackData); }
    @Override public void failFileSystemIo(int count) { inner.failFileSystemIo(count); }
    @Override public void close() { inner.close(); }
}
