package fltkit.reference;

import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A filter's context definitions per type, built from its FLT_CONTEXT_REGISTRATION array and checked
 * against the documented limits. Fixed sizes are kept in ascending order with the variable-size
 * definition last, so the first definition that accepts a size is the smallest that fits.
 */
final class RegistrationTable {
    private static final int MAX_FIXED_SIZES = 3;

    private final Map<ContextType, List<ContextDefinition>> byType = new EnumMap<>(ContextType.class);

    private RegistrationTable() {
    }

    /** The table, or the status FltRegisterFilter fails with. */
    static Object build(List<ContextRegistration> entries, boolean terminated, WindowsVersion version, Pool pool) {
        RegistrationTable table = new RegistrationTable();
        if (entries == null) {
            return table;
        }
        if (!terminated) {
            return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
        }
        List<ContextRegistration> accepted = new ArrayList<>();
        for (ContextRegistration entry : entries) {
            Optional<ContextType> type = ContextType.fromValue(entry.contextType());
            if (type.isEmpty() || !type.get().existsOn(version)) {
                return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
            }
            if ((entry.flags() & ~ContextRegistration.NO_EXACT_SIZE_MATCH) != 0) {
                return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
            }
            if (entry.allocateCallback() != entry.freeCallback()) {
                // The filter manager cannot free memory it did not allocate, nor hand its own memory
                // to the minifilter's free routine: the reference wants both routines or neither.
                return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
            }
            if (!entry.allocateCallback() && !entry.isVariableSize()
                    && (entry.size() < 0 || entry.size() > ContextRegistration.MAXUSHORT)) {
                return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
            }
            if (accepted.contains(entry)) {
                continue; // identical entries: only the first is used
            }
            accepted.add(entry);
        }
        for (ContextRegistration entry : accepted) {
            ContextType type = ContextType.fromValue(entry.contextType()).orElseThrow();
            table.byType.computeIfAbsent(type, t -> new ArrayList<>()).add(ContextDefinition.of(type, entry, pool));
        }
        for (Map.Entry<ContextType, List<ContextDefinition>> perType : table.byType.entrySet()) {
            NtStatus problem = checkType(perType.getValue());
            if (problem != null) {
                return problem;
            }
            perType.getValue().sort(Comparator.comparingInt((ContextDefinition d) -> d.kind.ordinal())
                    .thenComparingLong(ContextDefinition::registeredSize));
        }
        return table;
    }

    private static NtStatus checkType(List<ContextDefinition> definitions) {
        long callbacks = definitions.stream().filter(d -> d.kind == ContextDefinition.Kind.CALLBACK).count();
        if (callbacks > 0 && definitions.size() > 1) {
            return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
        }
        long variable = definitions.stream().filter(d -> d.kind == ContextDefinition.Kind.VARIABLE).count();
        List<Long> fixedSizes = definitions.stream().filter(d -> d.kind == ContextDefinition.Kind.FIXED)
                .map(ContextDefinition::registeredSize).toList();
        if (variable > 1 || fixedSizes.size() > MAX_FIXED_SIZES
                || fixedSizes.stream().distinct().count() != fixedSizes.size()) {
            return NtStatus.STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
        }
        return null;
    }

    List<ContextDefinition> definitions(ContextType type) {
        return byType.getOrDefault(type, List.of());
    }

    Optional<ContextDefinition> select(ContextType type, long size) {
        return definitions(type).stream().filter(d -> d.accepts(size)).findFirst();
    }
}
