package fltkit.spi;

import java.util.List;

/**
 * One filter manager as a minifilter sees it: the routines of the context API, plus observation and
 * fault injection so the kit can judge what happened. Handles (filters, contexts, volumes, ...) are
 * opaque non-zero numbers; 0 stands for NULL.
 *
 * <p>Methods in the optional groups default to throwing {@link UnsupportedOperationException}; an
 * implementation overrides those whose {@link Capability} it declares. The kit never calls a method of
 * an undeclared capability. Any exception other than an {@link AssertionError} is reported as a broken
 * implementation, not as a failed rule; an implementation must never throw {@link AssertionError}.
 */
public interface FilterManager extends AutoCloseable {

    // ---- Registration (FltRegisterFilter with FLT_REGISTRATION.ContextRegistration) ----

    /**
     * FltRegisterFilter with this context registration array. The array is passed without its
     * FLT_CONTEXT_END terminator unless {@code terminated} is false, in which case the implementation
     * must treat the array as malformed. A null list means ContextRegistration == NULL.
     */
    Registration registerFilter(List<ContextRegistration> registrations, boolean terminated);

    // ---- FltAllocateContext ----

    Allocation allocateContext(long filter, int contextType, long contextSize, int poolType);

    // ---- Reference counting ----

    void referenceContext(long context);

    void releaseContext(long context);

    /** FltDeleteContext. */
    void deleteContext(long context);

    // ---- Observation ----

    /** Whitebox view of a context, live or freed. {@link Capability#CONTEXT_INSPECTION}. */
    default ContextState inspectContext(long context) {
        throw unsupported(Capability.CONTEXT_INSPECTION);
    }

    /** Bytes of the minifilter portion. {@link Capability#CONTEXT_MEMORY}. */
    default byte[] readContext(long context, int offset, int length) {
        throw unsupported(Capability.CONTEXT_MEMORY);
    }

    /** Writes into the minifilter portion, as the minifilter would. {@link Capability#CONTEXT_MEMORY}. */
    default void writeContext(long context, int offset, byte[] data) {
        throw unsupported(Capability.CONTEXT_MEMORY);
    }

    /** The callback calls made since the last call of this method, in order. {@link Capability#CALLBACK_EVENTS}. */
    default List<CallbackEvent> takeCallbackEvents() {
        throw unsupported(Capability.CALLBACK_EVENTS);
    }

    /** {@link Capability#POOL_ACCOUNTING}. */
    default PoolSnapshot pool() {
        throw unsupported(Capability.POOL_ACCOUNTING);
    }

    // ---- Fault injection ----

    /** The next {@code count} pool or lookaside allocations fail. {@link Capability#POOL_FAULTS}. */
    default void failPoolAllocations(int count) {
        throw unsupported(Capability.POOL_FAULTS);
    }

    /** The minifilter's ContextAllocateCallback returns NULL on its next {@code count} calls. {@link Capability#ALLOCATE_CALLBACK}. */
    default void failAllocateCallback(int count) {
        throw unsupported(Capability.ALLOCATE_CALLBACK);
    }

    /**
     * The next {@code successes} pool or lookaside allocations succeed, the {@code count} after them fail.
     * {@link Capability#POOL_FAULTS}.
     */
    default void failPoolAllocationsAfter(int successes, int count) {
        throw unsupported(Capability.POOL_FAULTS);
    }

    /** FltUnregisterFilter has begun: the filter is being torn down. {@link Capability#FILTER_TEARDOWN}. */
    default void beginFilterTeardown(long filter) {
        throw unsupported(Capability.FILTER_TEARDOWN);
    }

    /** FltUnregisterFilter completes: every context of the filter is deleted. {@link Capability#FILTER_TEARDOWN}. */
    default void unloadFilter(long filter) {
        throw unsupported(Capability.FILTER_TEARDOWN);
    }

    /** Whether the file system supports per-stream (and stream-handle) contexts. {@link Capability#STREAM_SUPPORT_TOGGLE}. */
    default void setPerStreamContextSupport(boolean supported) {
        throw unsupported(Capability.STREAM_SUPPORT_TOGGLE);
    }

    /** The IRQL the following calls are made at. {@link Capability#IRQL}. */
    default void setCallerIrql(Irql irql) {
        throw unsupported(Capability.IRQL);
    }

    /** Runs work items queued by calls made at DISPATCH_LEVEL (at PASSIVE_LEVEL). {@link Capability#IRQL}. */
    default void runDeferredWork() {
        throw unsupported(Capability.IRQL);
    }

    // ---- Objects contexts hang on ({@link Capability#OBJECTS}) ----

    /** A new volume, mounted, with the filter manager attached. */
    default long mountVolume() {
        throw unsupported(Capability.OBJECTS);
    }

    /** Attaches an instance of the filter to the volume. */
    default long attachInstance(long filter, long volume) {
        throw unsupported(Capability.OBJECTS);
    }

    /** The instance detaches; every context it owns is deleted. */
    default void detachInstance(long instance) {
        throw unsupported(Capability.OBJECTS);
    }

    /** The volume is torn down (dismounted); its contexts are deleted. */
    default void dismountVolume(long volume) {
        throw unsupported(Capability.OBJECTS);
    }

    /** Opens a stream ({@code fileName}, optional {@code streamName}) on the instance's volume: a new file object. */
    default long openFile(long instance, String fileName, String streamName) {
        throw unsupported(Capability.OBJECTS);
    }

    /** Closes a file object; the last close of a stream tears the stream (and file) down. */
    default void closeFile(long fileObject) {
        throw unsupported(Capability.OBJECTS);
    }

    /** Marks the object's teardown as started, so set routines on it fail with STATUS_FLT_DELETING_OBJECT. */
    default void beginObjectTeardown(ContextType type, ContextTarget target) {
        throw unsupported(Capability.OBJECTS);
    }

    /** The typed set routine of the type (for sections: FltCreateSectionForDataScan). */
    default ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext,
                                     boolean wantOldContext) {
        throw unsupported(Capability.OBJECTS);
    }

    /** The typed get routine of the type. */
    default ContextResult getContext(ContextType type, ContextTarget target) {
        throw unsupported(Capability.OBJECTS);
    }

    /** The typed delete routine of the type (for sections: FltCloseSectionForDataScan on the target's section context). */
    default ContextResult deleteContext(ContextType type, ContextTarget target, boolean wantOldContext) {
        throw unsupported(Capability.OBJECTS);
    }

    /**
     * FltCloseSectionForDataScan(SectionContext) on this context. {@link Capability#SECTIONS}.
     */
    default NtStatus closeSectionForDataScan(long sectionContext) {
        throw unsupported(Capability.SECTIONS);
    }

    /**
     * FltGetContexts (or FltGetContextsEx on Windows 8 and later) for the objects of the target;
     * {@code desiredContexts} is an OR of FLT_CONTEXT_TYPE values.
     */
    default RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
        throw unsupported(Capability.OBJECTS);
    }

    /** FltReleaseContexts: releases every context in the structure. */
    default void releaseContexts(RelatedContexts contexts) {
        throw unsupported(Capability.OBJECTS);
    }

    /** A new KTM transaction. {@link Capability#TRANSACTIONS}. */
    default long beginTransaction() {
        throw unsupported(Capability.TRANSACTIONS);
    }

    /** Commits or rolls back; the transaction's contexts are deleted. {@link Capability#TRANSACTIONS}. */
    default void endTransaction(long transaction, boolean commit) {
        throw unsupported(Capability.TRANSACTIONS);
    }

    // ---- Callback data ({@link Capability#CALLBACK_DATA}) ----

    /** FltAllocateCallbackData. */
    default CallbackDataResult allocateCallbackData(long instance, long fileObject) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    /** FltAllocateCallbackDataEx (Windows 7 and later). */
    default CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    default void freeCallbackData(long callbackData) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    default void reuseCallbackData(long callbackData) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    /** FltPerformSynchronousIo of a simple read through the callback data. */
    default NtStatus performSynchronousIo(long callbackData) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    /** The file system fails the next {@code count} I/O requests for lack of its own memory. */
    default void failFileSystemIo(int count) {
        throw unsupported(Capability.CALLBACK_DATA);
    }

    /** Releases everything the instance holds; called once at the end of each scenario. */
    @Override
    default void close() {
    }

    static UnsupportedOperationException unsupported(Capability capability) {
        return new UnsupportedOperationException("this implementation does not provide capability '"
                + capability.tag() + "'; it must not declare it");
    }
}
