package fltkit.spi;

import java.util.List;

/**
 * One filter manager as the kit's minifilter sees it: the five routines every implementation provides.
 * Everything else is optional and is declared by implementing a role interface as well (see
 * {@link Capability}: {@link ContextInspection}, {@link ContextObjects}, {@link CallbackData}, ...); the
 * kit runs a scenario only when the implementation implements every role the scenario needs, and never
 * calls a role an implementation does not implement.
 *
 * <p>Handles (filters, contexts, volumes, file objects, ...) are opaque non-zero numbers; 0 stands for
 * NULL. A routine answers with what Windows would leave in the caller's variables. Where Windows would
 * stop the machine the implementation throws {@link BugCheck}. Any other exception, a {@code null}
 * where an object is promised, or a call that does not return within the kit's time limit makes the
 * scenario <em>broken</em> (the kit could not judge), never <em>failed</em>; an implementation must
 * never throw {@link AssertionError}.
 *
 * <p>The kit creates one instance per scenario ({@link FilterManagerProvider#create}) and calls it from
 * one thread at a time, not always the same thread.
 */
public interface FilterManager extends AutoCloseable {

    /**
     * FltRegisterFilter with this FLT_REGISTRATION.ContextRegistration array. The entries are passed
     * without their {FLT_CONTEXT_END} terminator; {@code terminated} false means the array lacks it, which
     * an implementation must treat as malformed. A null list means ContextRegistration == NULL (no
     * context types). Documented answers: STATUS_SUCCESS with a non-zero filter; a failure status with
     * filter 0 when the registration array breaks the rules of FLT_CONTEXT_REGISTRATION.
     */
    Registration registerFilter(List<ContextRegistration> registrations, boolean terminated);

    /**
     * FltAllocateContext(Filter, ContextType, ContextSize, PoolType, &amp;ReturnedContext). The raw values
     * are passed so that invalid ones can be tried. Documented answers: STATUS_SUCCESS with the new
     * context's minifilter portion (reference count 1); STATUS_INVALID_BUFFER_SIZE (ContextSize above
     * MAXUSHORT), STATUS_INVALID_PARAMETER (an invalid ContextType or ContextSize),
     * STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND (no registered definition fits), STATUS_INSUFFICIENT_RESOURCES
     * (pool exhausted), STATUS_FLT_DELETING_OBJECT (the filter is being torn down) or STATUS_NOT_SUPPORTED
     * (no per-stream contexts), each with ReturnedContext 0.
     */
    Allocation allocateContext(long filter, int contextType, long contextSize, int poolType);

    /** FltReferenceContext: adds one reference. On a freed context Windows stops the machine (bug check 0xF5, 0x6E). */
    void referenceContext(long context);

    /**
     * FltReleaseContext: removes one reference; at zero the cleanup callback runs and the context is freed
     * (at DISPATCH_LEVEL, later, from a work item). Releasing more than was referenced stops the machine
     * (bug check 0xF5, 0x6D).
     */
    void releaseContext(long context);

    /**
     * FltDeleteContext: detaches the context from its object and drops the reference the object held
     * (nothing when it is not attached). The caller's own reference stays until it releases it.
     */
    void deleteContext(long context);

    /** Releases everything the instance holds; called once at the end of each scenario. */
    @Override
    default void close() {
    }
}
