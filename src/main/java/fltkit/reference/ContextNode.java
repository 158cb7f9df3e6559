package fltkit.reference;

import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextState;
import fltkit.spi.ContextType;

/**
 * One context: the filter manager's header followed by the minifilter portion, in one block. The
 * minifilter sees the address just past the header.
 */
final class ContextNode {
    /** Size of the filter manager's own header (the CONTEXT_NODE size seen on x64 builds). */
    static final int HEADER_SIZE = 0x60;

    final Filter filter;
    final ContextDefinition definition;
    final ContextType type;
    final long size;
    final int poolType;
    final ContextOrigin origin;
    /** The whole block: its address is what an allocate callback returned or the pool handed out. */
    final Pool.Block block;
    int referenceCount = 1;
    boolean alive = true;
    int cleanupCalls;
    /** The object the context is set on, or null. Owned by the object model. */
    Object attachedTo;

    ContextNode(Filter filter, ContextDefinition definition, long size, int poolType, ContextOrigin origin, Pool.Block block) {
        this.filter = filter;
        this.definition = definition;
        this.type = definition.type;
        this.size = size;
        this.poolType = poolType;
        this.origin = origin;
        this.block = block;
    }

    /** The address the minifilter gets back: just past the header. */
    long address() {
        return block.address + HEADER_SIZE;
    }

    ContextState state() {
        return new ContextState(alive, referenceCount, type.value(), size, poolType, origin, attachedTo != null, cleanupCalls);
    }
}
