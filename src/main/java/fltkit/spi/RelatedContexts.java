package fltkit.spi;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * FLT_RELATED_CONTEXTS(_EX) as FltGetContexts(Ex) fills it: one context per type, absent types NULL.
 */
public record RelatedContexts(NtStatus status, Map<ContextType, Long> contexts) {

    public RelatedContexts {
        EnumMap<ContextType, Long> copy = new EnumMap<>(ContextType.class);
        contexts.forEach((type, context) -> {
            if (context != null && context != 0) {
                copy.put(type, context);
            }
        });
        contexts = Collections.unmodifiableMap(copy);
    }

    /** The field for the type: 0 (NULL_CONTEXT) when not returned. */
    public long get(ContextType type) {
        return contexts.getOrDefault(type, 0L);
    }
}
