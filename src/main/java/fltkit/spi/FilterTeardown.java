package fltkit.spi;

/** Role {@link Capability#FILTER_TEARDOWN}: FltUnregisterFilter, in its two halves. */
public interface FilterTeardown {
    /** FltUnregisterFilter has begun: FltAllocateContext for the filter now answers STATUS_FLT_DELETING_OBJECT. */
    void beginFilterTeardown(long filter);

    /** FltUnregisterFilter completes: every context the filter set is deleted (references the minifilter holds stay). */
    void unloadFilter(long filter);
}
