package fltkit.spi;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The optional parts of the SPI, each declared by implementing its role interface. A scenario tagged
 * {@code @needs:<tag>} runs only when the implementation implements the role; otherwise it is reported
 * as "not declared" with the capability named. A declared capability that misbehaves fails its
 * scenarios: it is never skipped.
 */
public enum Capability {
    CONTEXT_MEMORY("context-memory", ContextMemory.class),
    CONTEXT_INSPECTION("context-inspection", ContextInspection.class),
    CALLBACK_EVENTS("callback-events", CallbackEvents.class),
    ALLOCATE_CALLBACK("allocate-callback", AllocateCallbacks.class),
    VARIABLE_SIZE("variable-size", VariableSizeContexts.class),
    NO_EXACT_SIZE_MATCH("no-exact-size-match", NoExactSizeMatch.class),
    POOL_ACCOUNTING("pool-accounting", PoolAccounting.class),
    POOL_FAULTS("pool-faults", PoolFaults.class),
    FILTER_TEARDOWN("filter-teardown", FilterTeardown.class),
    STREAM_SUPPORT_TOGGLE("stream-support-toggle", PerStreamSupport.class),
    OBJECTS("objects", ContextObjects.class),
    TRANSACTIONS("transactions", Transactions.class),
    SECTIONS("sections", SectionContexts.class),
    IRQL("irql", IrqlControl.class),
    CALLBACK_DATA("callback-data", CallbackData.class);

    private final String tag;
    private final Class<?> role;

    Capability(String tag, Class<?> role) {
        this.tag = tag;
        this.role = role;
    }

    /** The name used after {@code @needs:} in feature files and in the process protocol's handshake. */
    public String tag() {
        return tag;
    }

    /** The interface whose implementation declares the capability. */
    public Class<?> role() {
        return role;
    }

    /** The capabilities a filter manager declares: the roles it implements. */
    public static Set<Capability> of(FilterManager manager) {
        Set<Capability> declared = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            if (capability.role.isInstance(manager)) {
                declared.add(capability);
            }
        }
        return declared;
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
