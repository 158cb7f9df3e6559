package fltkit.spi;

/**
 * Role {@link Capability#ALLOCATE_CALLBACK}: registration entries with a ContextAllocateCallback and a
 * ContextFreeCallback are honoured. The callbacks belong to the kit's minifilter: the implementation calls
 * them where Windows would (and reports each call through {@link CallbackEvents}); the allocate callback
 * allocates the whole context from pool unless the kit scripts it to fail.
 */
public interface AllocateCallbacks {
    /** The minifilter's ContextAllocateCallback returns NULL on its next {@code count} calls. */
    void failAllocateCallback(int count);
}
