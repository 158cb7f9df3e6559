package fltkit.explore;

import fltkit.spi.Capability;
import fltkit.spi.ContextObjects;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextType;
import fltkit.spi.PoolType;
import fltkit.spi.WindowsVersion;

/**
 * What the minifilter can still reach: which objects exist and may be used, which are being torn down, and
 * what is set where (asked of the reference, without changing it). The generator keeps to what a
 * well-behaved minifilter does; {@link Freedoms#KIT_GONE_OBJECTS} lists what it leaves alone.
 */
final class Reach {
    private Reach() {
    }

    static boolean streamish(ContextType type) {
        return type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
    }

    /** The minifilter's own instance is gone, or the filter: no routine on the objects any more. */
    static boolean gone(Side side) {
        return side.instance == 0 || side.detached || side.dismounted || side.filterUnloaded;
    }

    static boolean fileOpen(Side side) {
        return side.openFileObjects.contains(side.currentFileObject());
    }

    /** Whether the objects a typed routine of this type works on exist and may be used. */
    static boolean usable(Side side, Action.Env env, ContextType type, boolean other) {
        if (!env.has(Capability.OBJECTS) || side.filterUnloaded || !type.existsOn(env.version())) {
            return false;
        }
        if (other ? side.otherInstance == 0 : gone(side)) {
            return false;
        }
        switch (type) {
            case TRANSACTION:
                return !other && env.has(Capability.TRANSACTIONS) && !side.transactionEnded;
            case SECTION:
                return !other && env.has(Capability.SECTIONS) && fileOpen(side);
            case FILE:
            case STREAM:
            case STREAMHANDLE:
                return other || fileOpen(side);
            default:
                return true;
        }
    }

    /** Whether the teardown of the object itself (not its instance) has begun. */
    static boolean tornDown(Side side, ContextType type) {
        if (type == ContextType.STREAMHANDLE) {
            return side.streamHandleTornDown != 0 && side.streamHandleTornDown == (side.currentFileObject() == side.fileObject ? 1 : 2);
        }
        return side.tornDown.contains(type);
    }

    static boolean instanceTornDown(Side side) {
        return side.tornDown.contains(ContextType.INSTANCE);
    }

    /**
     * SET-012 as the set pages word it: STATUS_FLT_DELETING_OBJECT when "the Volume (volume page) or Instance
     * (others) is being torn down", and, as the kit's scenarios read it, the object the context is set on.
     */
    static boolean setRefused(Side side, ContextType type) {
        switch (type) {
            case VOLUME:
                return tornDown(side, ContextType.VOLUME);
            case INSTANCE:
                return instanceTornDown(side);
            default:
                return tornDown(side, type) || instanceTornDown(side);
        }
    }

    /** The pools a well-behaved minifilter asks for: volume contexts from NonPagedPool only (ALLOC-016, {@link Freedoms#ALLOC_018}). */
    static boolean poolAllowed(ContextType type, int pool, WindowsVersion version) {
        if (type == ContextType.VOLUME) {
            return pool == PoolType.NON_PAGED_POOL;
        }
        return pool == PoolType.NON_PAGED_POOL || pool == PoolType.PAGED_POOL
                || (pool == PoolType.NON_PAGED_POOL_NX && version.atLeast(WindowsVersion.WIN8));
    }

    /**
     * The name of the context set in the slot, asked of the reference with a get and a release (no net change:
     * the object keeps its own reference); null when none is set or the slot cannot be asked.
     */
    static String occupant(Side reference, ContextType type, boolean other) {
        if (type == ContextType.TRANSACTION && reference.transaction == 0) {
            return null;
        }
        ContextResult found = reference.role(ContextObjects.class).getContext(type, reference.target(type, other));
        if (!found.status().isSuccess() || found.context() == 0) {
            return null;
        }
        reference.fm.releaseContext(found.context());
        String name = nameAt(reference, found.context());
        return name == null ? "?" : name;
    }

    /** The newest name given to the address on the side, or null. */
    static String nameAt(Side side, long address) {
        String found = null;
        for (var entry : side.named.entrySet()) {
            if (entry.getValue() == address) {
                found = entry.getKey();
            }
        }
        return found;
    }
}
