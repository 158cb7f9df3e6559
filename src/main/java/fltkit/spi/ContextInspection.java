package fltkit.spi;

/** Role {@link Capability#CONTEXT_INSPECTION}: a whitebox view of contexts, for reference-count and life-cycle rules. */
public interface ContextInspection {
    /** What the implementation knows about a context it allocated, live or freed. */
    ContextState inspectContext(long context);
}
