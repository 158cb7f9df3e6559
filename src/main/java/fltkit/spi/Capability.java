package fltkit.spi;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Parts of the SPI an implementation may leave out. A scenario tagged {@code @needs:<tag>} runs only
 * when the implementation declares the capability; otherwise it is reported as "not declared" with the
 * capability named. A declared capability that misbehaves fails its scenarios: it is never skipped.
 */
public enum Capability {
    /** {@link FilterManager#readContext} / {@link FilterManager#writeContext}. */
    CONTEXT_MEMORY("context-memory"),
    /** {@link FilterManager#inspectContext}: reference counts, origin, attachment. */
    CONTEXT_INSPECTION("context-inspection"),
    /** {@link FilterManager#takeCallbackEvents}: the calls made into the minifilter's callbacks. */
    CALLBACK_EVENTS("callback-events"),
    /** Registration entries with ContextAllocateCallback / ContextFreeCallback. */
    ALLOCATE_CALLBACK("allocate-callback"),
    /** FLT_VARIABLE_SIZED_CONTEXTS definitions. */
    VARIABLE_SIZE("variable-size"),
    /** FLTFL_CONTEXT_REGISTRATION_NO_EXACT_SIZE_MATCH. */
    NO_EXACT_SIZE_MATCH("no-exact-size-match"),
    /** {@link FilterManager#pool()}: outstanding pool blocks, for leak checks. */
    POOL_ACCOUNTING("pool-accounting"),
    /** {@link FilterManager#failPoolAllocations(int)}. */
    POOL_FAULTS("pool-faults"),
    /** {@link FilterManager#beginFilterTeardown(long)} and {@link FilterManager#unloadFilter(long)}. */
    FILTER_TEARDOWN("filter-teardown"),
    /** {@link FilterManager#setPerStreamContextSupport(boolean)}. */
    STREAM_SUPPORT_TOGGLE("stream-support-toggle"),
    /** Volumes, instances, file objects and the typed set/get/delete routines. */
    OBJECTS("objects"),
    /** Transactions and transaction contexts' set/get/delete. */
    TRANSACTIONS("transactions"),
    /** Sections for data scan (FltCreateSectionForDataScan and friends). */
    SECTIONS("sections"),
    /** {@link FilterManager#setCallerIrql(Irql)} and deferred work. */
    IRQL("irql"),
    /** FltAllocateCallbackData(Ex), FltFreeCallbackData, FltReuseCallbackData and synchronous I/O. */
    CALLBACK_DATA("callback-data");

    private final String tag;

    Capability(String tag) {
        this.tag = tag;
    }

    /** The name used after {@code @needs:} in feature files. */
    public String tag() {
        return tag;
    }

    public static Capability fromTag(String tag) {
        for (Capability capability : values()) {
            if (capability.tag.equals(tag.trim().toLowerCase(Locale.ROOT))) {
                return capability;
            }
        }
        throw new IllegalArgumentException("unknown capability '" + tag + "'; known: "
                + Arrays.stream(values()).map(Capability::tag).collect(Collectors.joining(", ")));
    }
}
