package fltkit.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One object contexts hang on (a volume, instance, file, stream, stream handle, transaction or a stream's
 * section slot): at most one context per owner, the owner being the filter (volume and transaction
 * contexts) or the instance (every other type).
 */
final class ContextHolder {
    final String what;
    final Map<Long, ContextNode> byOwner = new HashMap<>();
    boolean tearingDown;

    ContextHolder(String what) {
        this.what = what;
    }

    ContextNode get(long owner) {
        return byOwner.get(owner);
    }

    void attach(long owner, ContextNode node) {
        byOwner.put(owner, node);
        node.attachedTo = this;
    }

    void unlink(ContextNode node) {
        byOwner.values().remove(node);
        node.attachedTo = null;
    }

    /** Unlinks and returns every context the owner (or, with owner 0, anyone) has here. */
    List<ContextNode> unlinkAll(long owner) {
        List<ContextNode> removed = new ArrayList<>();
        for (ContextNode node : List.copyOf(byOwner.values())) {
            if (owner == 0 || byOwner.get(owner) == node) {
                unlink(node);
                removed.add(node);
            }
        }
        return removed;
    }

    @Override
    public String toString() {
        return what;
    }
}
