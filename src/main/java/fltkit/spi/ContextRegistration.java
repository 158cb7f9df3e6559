package fltkit.spi;

/**
 * One FLT_CONTEXT_REGISTRATION entry as the minifilter writes it. Raw numbers are kept so the kit can
 * pass values the documentation forbids. The three callbacks belong to the kit's minifilter: the
 * implementation calls them (and reports each call as a {@link CallbackEvent}); the kit scripts what
 * the allocate callback returns through {@link AllocateCallbacks#failAllocateCallback(int)}.
 *
 * @param contextType FLT_CONTEXT_TYPE, e.g. 0x0004
 * @param flags       0 or {@link #NO_EXACT_SIZE_MATCH}
 * @param size        size of the minifilter portion, or {@link #VARIABLE_SIZED_CONTEXTS}
 * @param poolTag     the pool tag as a little-endian ULONG
 * @param cleanupCallback  whether ContextCleanupCallback is non-NULL
 * @param allocateCallback whether ContextAllocateCallback is non-NULL
 * @param freeCallback     whether ContextFreeCallback is non-NULL
 */
public record ContextRegistration(int contextType, int flags, long size, int poolTag,
                                  boolean cleanupCallback, boolean allocateCallback, boolean freeCallback) {

    /** FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH. */
    public static final int NO_EXACT_SIZE_MATCH = 0x0001;
    /** FLT_VARIABLE_SIZED_CONTEXTS, ((SIZE_T)-1). */
    public static final long VARIABLE_SIZED_CONTEXTS = -1L;
    /** MAXUSHORT, the largest context size. */
    public static final int MAXUSHORT = 0xFFFF;

    public static ContextRegistration fixed(ContextType type, long size) {
        return new ContextRegistration(type.value(), 0, size, tagFor(type), false, false, false);
    }

    public static ContextRegistration variable(ContextType type) {
        return new ContextRegistration(type.value(), 0, VARIABLE_SIZED_CONTEXTS, tagFor(type), false, false, false);
    }

    public boolean isVariableSize() {
        return size == VARIABLE_SIZED_CONTEXTS;
    }

    public boolean noExactSizeMatch() {
        return (flags & NO_EXACT_SIZE_MATCH) != 0;
    }

    public ContextRegistration withFlags(int newFlags) {
        return new ContextRegistration(contextType, newFlags, size, poolTag, cleanupCallback, allocateCallback, freeCallback);
    }

    public ContextRegistration withPoolTag(int newTag) {
        return new ContextRegistration(contextType, flags, size, newTag, cleanupCallback, allocateCallback, freeCallback);
    }

    public ContextRegistration withCleanupCallback() {
        return new ContextRegistration(contextType, flags, size, poolTag, true, allocateCallback, freeCallback);
    }

    public ContextRegistration withAllocateAndFreeCallbacks() {
        return new ContextRegistration(contextType, flags, size, poolTag, cleanupCallback, true, true);
    }

    /** A readable tag per type, 'Kt' followed by the type's hex digit pair, e.g. "Kt04". */
    static int tagFor(ContextType type) {
        String text = String.format("Kt%02X", type.value());
        int tag = 0;
        for (int i = 0; i < 4; i++) {
            tag |= (text.charAt(i) & 0x7F) << (8 * i);
        }
        return tag;
    }

    @Override
    public String toString() {
        String sizeText = isVariableSize() ? "FLT_VARIABLE_SIZED_CONTEXTS" : Long.toString(size);
        String typeText = ContextType.fromValue(contextType).map(ContextType::symbol)
                .orElseGet(() -> String.format("0x%04X", contextType));
        return "{" + typeText + ", flags=" + flags + ", size=" + sizeText
                + (cleanupCallback ? ", cleanup" : "") + (allocateCallback ? ", allocate" : "")
                + (freeCallback ? ", free" : "") + "}";
    }
}
