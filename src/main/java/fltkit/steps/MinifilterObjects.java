package fltkit.steps;

import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.Transactions;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The objects the minifilter's contexts hang on: its volume, instance, file objects and transaction, and a
 * second set (on another volume, through a second instance on the same volume, or another filter's); and what the
 * scenario created and has not torn down yet (given back at the end of the scenario, before the leak check).
 */
public final class MinifilterObjects {
    private final ScenarioState state;

    long volume;
    long instance;
    long fileObject;
    long transaction;
    long secondHandle;
    long otherVolume;
    long otherInstance;
    long otherFileObject;
    long otherTransaction;
    /** The filter of the other objects when they belong to another filter; 0 when they are the minifilter's own. */
    long otherFilter;
    boolean filterUnloaded;

    final Set<Long> openFileObjects = new LinkedHashSet<>();
    final Set<Long> activeTransactions = new LinkedHashSet<>();
    final Set<Long> mountedVolumes = new LinkedHashSet<>();
    final Set<Long> liveCallbackData = new LinkedHashSet<>();

    MinifilterObjects(ScenarioState state) {
        this.state = state;
    }

    /** The object a routine of this type works on: the minifilter's own, or the second set's. */
    ContextTarget target(ContextType type, boolean other, Judge judge) {
        long inst = other ? otherInstance : instance;
        if (inst == 0) {
            throw judge.kitError("uses the minifilter's " + (other ? "second " : "") + "objects before attaching an instance");
        }
        switch (type) {
            case VOLUME:
                return ContextTarget.volume(inst, other ? otherVolume : volume);
            case INSTANCE:
                return ContextTarget.instance(inst);
            case TRANSACTION:
                return ContextTarget.transaction(inst, transaction(other));
            default:
                return ContextTarget.file(inst, other ? otherFileObject : currentFileObject());
        }
    }

    /** The minifilter's file object: the first handle while it is open, then the second one if there is one. */
    long currentFileObject() {
        return secondHandle != 0 && !openFileObjects.contains(fileObject) ? secondHandle : fileObject;
    }

    /**
     * The transaction of the minifilter's (or the second set's) objects, begun the first time it is needed. Other
     * objects on the minifilter's own volume (a second instance, another filter's) work on the same transaction.
     */
    long transaction(boolean other) {
        if (other && otherVolume != volume) {
            if (otherTransaction == 0) {
                otherTransaction = state.role(Transactions.class).beginTransaction();
                activeTransactions.add(otherTransaction);
            }
            return otherTransaction;
        }
        if (transaction == 0) {
            transaction = state.role(Transactions.class).beginTransaction();
            activeTransactions.add(transaction);
        }
        return transaction;
    }
}
