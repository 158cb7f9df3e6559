package fltkit.spi;

/**
 * Role {@link Capability#OBJECTS}: the objects contexts hang on (volumes, instances, file objects and
 * their streams) and the typed set, get and delete routines.
 */
public interface ContextObjects {
    /** A new volume, mounted, with the filter manager attached. */
    long mountVolume();

    /** Attaches an instance of the filter to the volume. */
    long attachInstance(long filter, long volume);

    /** The instance detaches; every context set through it is deleted. */
    void detachInstance(long instance);

    /** The volume is dismounted; its volume context and every context of its instances and files are deleted. */
    void dismountVolume(long volume);

    /** Opens a stream ({@code fileName}, optional {@code streamName}) through the instance: a new file object. */
    long openFile(long instance, String fileName, String streamName);

    /** Closes a file object; the last close of a stream (or file) deletes its stream (or file) contexts. */
    void closeFile(long fileObject);

    /**
     * The object's teardown has begun: set and delete routines on it answer STATUS_FLT_DELETING_OBJECT. For an
     * instance ({@link ContextType#INSTANCE}) so does every routine that takes that Instance, whatever object its
     * context is on (file, stream, stream handle, transaction), as the set and delete pages document.
     */
    void beginObjectTeardown(ContextType type, ContextTarget target);

    /**
     * FltSet&lt;Type&gt;Context (for sections: FltCreateSectionForDataScan). Documented answers:
     * STATUS_SUCCESS; STATUS_FLT_CONTEXT_ALREADY_DEFINED (KEEP_IF_EXISTS and one is set: OldContext gets
     * it, referenced, when asked for); STATUS_FLT_CONTEXT_ALREADY_LINKED (NewContext is attached elsewhere);
     * STATUS_FLT_DELETING_OBJECT (the object is being torn down); STATUS_INVALID_PARAMETER (an invalid
     * Operation); STATUS_NOT_SUPPORTED (no per-stream contexts). On success the object holds its own
     * reference to NewContext.
     */
    ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext);

    /** FltGet&lt;Type&gt;Context: STATUS_SUCCESS with the context, referenced for the caller, or STATUS_NOT_FOUND with NULL_CONTEXT. */
    ContextResult getContext(ContextType type, ContextTarget target);

    /**
     * FltDelete&lt;Type&gt;Context (for sections: FltCloseSectionForDataScan on the target's section
     * context): STATUS_SUCCESS, handing back the deleted context, referenced, when {@code wantOldContext};
     * STATUS_NOT_FOUND when none is set.
     */
    ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext);

    /**
     * FltGetContexts (FltGetContextsEx from Windows 8) for the objects of the target; {@code desiredContexts}
     * is an OR of FLT_CONTEXT_TYPE values. Each returned context is referenced for the caller. From Windows 8 the
     * structure is FLT_RELATED_CONTEXTS_EX, so a section context asked for comes back too, and a
     * {@code desiredContexts} bit that names no context type answers STATUS_INVALID_PARAMETER with no context.
     */
    RelatedContexts getContexts(ContextTarget target, int desiredContexts);

    /** FltReleaseContexts: releases every context in the structure. */
    void releaseContexts(RelatedContexts contexts);
}
