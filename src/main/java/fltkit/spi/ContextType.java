package fltkit.spi;

import java.util.Optional;

/** FLT_CONTEXT_TYPE values and the routines the documentation pairs with each type. */
public enum ContextType {
    VOLUME(0x0001, "FLT_VOLUME_CONTEXT", WindowsVersion.VISTA,
            "FltSetVolumeContext", "FltGetVolumeContext", "FltDeleteVolumeContext"),
    INSTANCE(0x0002, "FLT_INSTANCE_CONTEXT", WindowsVersion.VISTA,
            "FltSetInstanceContext", "FltGetInstanceContext", "FltDeleteInstanceContext"),
    FILE(0x0004, "FLT_FILE_CONTEXT", WindowsVersion.VISTA,
            "FltSetFileContext", "FltGetFileContext", "FltDeleteFileContext"),
    STREAM(0x0008, "FLT_STREAM_CONTEXT", WindowsVersion.VISTA,
            "FltSetStreamContext", "FltGetStreamContext", "FltDeleteStreamContext"),
    STREAMHANDLE(0x0010, "FLT_STREAMHANDLE_CONTEXT", WindowsVersion.VISTA,
            "FltSetStreamHandleContext", "FltGetStreamHandleContext", "FltDeleteStreamHandleContext"),
    TRANSACTION(0x0020, "FLT_TRANSACTION_CONTEXT", WindowsVersion.VISTA,
            "FltSetTransactionContext", "FltGetTransactionContext", "FltDeleteTransactionContext"),
    SECTION(0x0040, "FLT_SECTION_CONTEXT", WindowsVersion.WIN8,
            "FltCreateSectionForDataScan", "FltGetSectionContext", "FltCloseSectionForDataScan");

    /** FLT_CONTEXT_END, the value that terminates a registration array. */
    public static final int CONTEXT_END = 0xFFFF;

    private final int value;
    private final String symbol;
    private final WindowsVersion since;
    private final String setRoutine;
    private final String getRoutine;
    private final String deleteRoutine;

    ContextType(int value, String symbol, WindowsVersion since, String setRoutine, String getRoutine,
                String deleteRoutine) {
        this.value = value;
        this.symbol = symbol;
        this.since = since;
        this.setRoutine = setRoutine;
        this.getRoutine = getRoutine;
        this.deleteRoutine = deleteRoutine;
    }

    public int value() {
        return value;
    }

    public String symbol() {
        return symbol;
    }

    /** The first Windows version (of the kit's profiles) where the type exists. */
    public WindowsVersion since() {
        return since;
    }

    public boolean existsOn(WindowsVersion version) {
        return version.compareTo(since) >= 0;
    }

    public String setRoutine() {
        return setRoutine;
    }

    public String getRoutine() {
        return getRoutine;
    }

    public String deleteRoutine() {
        return deleteRoutine;
    }

    public static Optional<ContextType> fromValue(int value) {
        for (ContextType type : values()) {
            if (type.value == value) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Accepts the symbol (FLT_FILE_CONTEXT) or the short name (FILE, file). */
    public static ContextType parse(String text) {
        String wanted = text.trim();
        for (ContextType type : values()) {
            if (type.symbol.equalsIgnoreCase(wanted) || type.name().equalsIgnoreCase(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown context type '" + text + "'; expected one of FLT_VOLUME_CONTEXT, "
                + "FLT_INSTANCE_CONTEXT, FLT_FILE_CONTEXT, FLT_STREAM_CONTEXT, FLT_STREAMHANDLE_CONTEXT, "
                + "FLT_TRANSACTION_CONTEXT, FLT_SECTION_CONTEXT");
    }

    @Override
    public String toString() {
        return symbol;
    }
}
