package fltkit.explore;

import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.AllocateCallbacks;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackData;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextObjects;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.FilterTeardown;
import fltkit.spi.ImplementationInfo;
import fltkit.spi.Irql;
import fltkit.spi.IrqlControl;
import fltkit.spi.NoExactSizeMatch;
import fltkit.spi.NtStatus;
import fltkit.spi.PerStreamSupport;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolFaults;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.RelatedContexts;
import fltkit.spi.SectionContexts;
import fltkit.spi.Transactions;
import fltkit.spi.VariableSizeContexts;
import fltkit.spi.WindowsVersion;

import java.util.List;
import java.util.function.Function;

/**
 * The reference model behind a decorator that passes every call through; a broken implementation overrides
 * the one or two routines it gets wrong. It implements every role, as the reference does.
 */
class DecoratedReference implements FilterManager, ContextInspection, ContextMemory, CallbackEvents, AllocateCallbacks,
        VariableSizeContexts, NoExactSizeMatch, PoolAccounting, PoolFaults, FilterTeardown, PerStreamSupport, IrqlControl,
        ContextObjects, Transactions, SectionContexts, CallbackData {

    protected final ReferenceFilterManager reference;

    DecoratedReference(WindowsVersion version) {
        this.reference = new ReferenceFilterManager(version);
    }

    /** A provider of one kind of decorated reference, named for the reports. */
    static class Provider implements FilterManagerProvider {
        private final String name;
        private final Function<WindowsVersion, FilterManager> make;

        Provider(String name, Function<WindowsVersion, FilterManager> make) {
            this.name = name;
            this.make = make;
        }

        @Override
        public ImplementationInfo info() {
            return new ImplementationInfo(name, "0", "fltkit explore tests", "Java");
        }

        @Override
        public FilterManager create(WindowsVersion version) {
            return make.apply(version);
        }
    }

    @Override
    public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
        return reference.registerFilter(registrations, terminated);
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        return reference.allocateContext(filter, contextType, contextSize, poolType);
    }

    @Override
    public void referenceContext(long context) {
        reference.referenceContext(context);
    }

    @Override
    public void releaseContext(long context) {
        reference.releaseContext(context);
    }

    @Override
    public void deleteContext(long context) {
        reference.deleteContext(context);
    }

    @Override
    public ContextState inspectContext(long context) {
        return reference.inspectContext(context);
    }

    @Override
    public byte[] readContext(long context, int offset, int length) {
        return reference.readContext(context, offset, length);
    }

    @Override
    public void writeContext(long context, int offset, byte[] data) {
        reference.writeContext(context, offset, data);
    }

    @Override
    public List<CallbackEvent> takeCallbackEvents() {
        return reference.takeCallbackEvents();
    }

    @Override
    public void failAllocateCallback(int count) {
        reference.failAllocateCallback(count);
    }

    @Override
    public PoolSnapshot pool() {
        return reference.pool();
    }

    @Override
    public void failPoolAllocationsAfter(int successes, int count) {
        reference.failPoolAllocationsAfter(successes, count);
    }

    @Override
    public void beginFilterTeardown(long filter) {
        reference.beginFilterTeardown(filter);
    }

    @Override
    public void unloadFilter(long filter) {
        reference.unloadFilter(filter);
    }

    @Override
    public void setPerStreamContextSupport(boolean supported) {
        reference.setPerStreamContextSupport(supported);
    }

    @Override
    public void setCallerIrql(Irql irql) {
        reference.setCallerIrql(irql);
    }

    @Override
    public void runDeferredWork() {
        reference.runDeferredWork();
    }

    @Override
    public long mountVolume() {
        return reference.mountVolume();
    }

    @Override
    public long attachInstance(long filter, long volume) {
        return reference.attachInstance(filter, volume);
    }

    @Override
    public void detachInstance(long instance) {
        reference.detachInstance(instance);
    }

    @Override
    public void dismountVolume(long volume) {
        reference.dismountVolume(volume);
    }

    @Override
    public long openFile(long instance, String fileName, String streamName) {
        return reference.openFile(instance, fileName, streamName);
    }

    @Override
    public void closeFile(long fileObject) {
        reference.closeFile(fileObject);
    }

    @Override
    public void beginObjectTeardown(ContextType type, ContextTarget target) {
        reference.beginObjectTeardown(type, target);
    }

    @Override
    public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
        return reference.setContext(type, target, operation, newContext, wantOldContext);
    }

    @Override
    public ContextResult getContext(ContextType type, ContextTarget target) {
        return reference.getContext(type, target);
    }

    @Override
    public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
        return reference.deleteTypedContext(type, target, wantOldContext);
    }

    @Override
    public RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
        return reference.getContexts(target, desiredContexts);
    }

    @Override
    public void releaseContexts(RelatedContexts contexts) {
        reference.releaseContexts(contexts);
    }

    @Override
    public long beginTransaction() {
        return reference.beginTransaction();
    }

    @Override
    public void endTransaction(long transaction, boolean commit) {
        reference.endTransaction(transaction, commit);
    }

    @Override
    public NtStatus closeSectionForDataScan(long sectionContext) {
        return reference.closeSectionForDataScan(sectionContext);
    }

    @Override
    public CallbackDataResult allocateCallbackData(long instance, long fileObject) {
        return reference.allocateCallbackData(instance, fileObject);
    }

    @Override
    public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
        return reference.allocateCallbackDataEx(instance, fileObject, flags);
    }

    @Override
    public void freeCallbackData(long callbackData) {
        reference.freeCallbackData(callbackData);
    }

    @Override
    public void reuseCallbackData(long callbackData) {
        reference.reuseCallbackData(callbackData);
    }

    @Override
    public NtStatus performSynchronousIo(long callbackData) {
        return reference.performSynchronousIo(callbackData);
    }

    @Override
    public void failFileSystemIo(int count) {
        reference.failFileSystemIo(count);
    }
}
