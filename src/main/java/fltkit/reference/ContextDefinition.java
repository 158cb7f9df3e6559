package fltkit.reference;

import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;

/** One accepted registration entry, with the lookaside lists backing it when it is fixed-size. */
final class ContextDefinition {
    enum Kind { FIXED, VARIABLE, CALLBACK }

    final ContextType type;
    final Kind kind;
    final ContextRegistration entry;
    /** FIXED only: paged and nonpaged lists for the registered size. */
    final Lookaside pagedList;
    final Lookaside nonPagedList;

    private ContextDefinition(ContextType type, Kind kind, ContextRegistration entry, Lookaside paged, Lookaside nonPaged) {
        this.type = type;
        this.kind = kind;
        this.entry = entry;
        this.pagedList = paged;
        this.nonPagedList = nonPaged;
    }

    static ContextDefinition of(ContextType type, ContextRegistration entry, Pool pool) {
        if (entry.allocateCallback()) {
            return new ContextDefinition(type, Kind.CALLBACK, entry, null, null);
        }
        if (entry.isVariableSize()) {
            return new ContextDefinition(type, Kind.VARIABLE, entry, null, null);
        }
        int entrySize = ContextNode.HEADER_SIZE + (int) entry.size();
        return new ContextDefinition(type, Kind.FIXED, entry,
                pool.lookaside(entrySize, true), pool.lookaside(entrySize, false));
    }

    long registeredSize() {
        return entry.size();
    }

    /** Whether this definition may serve a request of {@code size} bytes. */
    boolean accepts(long size) {
        switch (kind) {
            case FIXED:
                return entry.noExactSizeMatch() ? entry.size() >= size : entry.size() == size;
            default:
                return true;
        }
    }
}
