package fltkit.spi;

/** Where a context's memory came from. */
public enum ContextOrigin {
    /** A fixed-size definition served by its paged lookaside list. */
    PAGED_LOOKASIDE,
    /** A fixed-size definition served by its nonpaged lookaside list. */
    NONPAGED_LOOKASIDE,
    /** Straight from paged or nonpaged pool (variable-size definitions, or a bypassed lookaside). */
    POOL,
    /** The minifilter's ContextAllocateCallback. */
    ALLOCATE_CALLBACK,
    /** The implementation cannot tell. */
    UNKNOWN
}
