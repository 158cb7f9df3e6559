package fltkit.steps;

import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.RelatedContexts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects a scenario works on (the minifilter's volume, instance, file object and transaction, and a
 * second set on another volume), what the last context routine answered, and the callback calls seen so
 * far. Shared by the life-cycle, callback-data and leak-check steps; one per scenario.
 */
public class Scene {
    private final World world;

    long volume;
    long instance;
    long fileObject;
    long transaction;
    long secondHandle;
    long otherVolume;
    long otherInstance;
    long otherFileObject;
    long otherTransaction;

    /** What the scenario created and has not torn down yet, for the leak check. */
    final Set<Long> openFileObjects = new LinkedHashSet<>();
    final Set<Long> activeTransactions = new LinkedHashSet<>();
    final Set<Long> mountedVolumes = new LinkedHashSet<>();
    final Set<Long> liveCallbackData = new LinkedHashSet<>();
    boolean filterUnloaded;

    /** The last set/get/delete routine: its name, what it was asked, and its answer. */
    String lastCall;
    String lastKind;
    ContextResult lastResult;
    RelatedContexts related;
    PoolSnapshot poolMark;

    public Scene(World world) {
        this.world = world;
    }

    /** The object a routine of this type works on: the minifilter's own, or the second set's. */
    ContextTarget target(ContextType type, boolean other) {
        long inst = other ? otherInstance : instance;
        assertThat(inst).withFailMessage("%s: the scenario uses the minifilter's objects before attaching an instance",
                world.ruleId()).isNotZero();
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

    private long transaction(boolean other) {
        if (other) {
            if (otherTransaction == 0) {
                otherTransaction = world.fm().beginTransaction();
                activeTransactions.add(otherTransaction);
            }
            return otherTransaction;
        }
        if (transaction == 0) {
            transaction = world.fm().beginTransaction();
            activeTransactions.add(transaction);
        }
        return transaction;
    }

    /** Every callback call the implementation reported so far in this scenario, in order. */
    List<CallbackEvent> events() {
        return world.callbackEvents();
    }

    /** The scenario's name for a context address, or its hex value. */
    String nameOf(long context) {
        for (Map.Entry<String, Long> entry : world.contexts.entrySet()) {
            if (entry.getValue() == context) {
                return "\"" + entry.getKey() + "\" (" + String.format("0x%X", context) + ")";
            }
        }
        return context == 0 ? "NULL_CONTEXT" : String.format("0x%X", context);
    }
}
