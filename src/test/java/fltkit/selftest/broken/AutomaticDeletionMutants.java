package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.PoolSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static fltkit.selftest.Mutant.mutant;

/** Broken automatic deletion: contexts that outlive (or die before) the object they are attached to. */
public final class AutomaticDeletionMutants extends MutantTable {
    public AutomaticDeletionMutants() {
        super("AutomaticDeletion.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // Closing a file object deletes none of its contexts (they go only when the volume is dismounted).
                mutant("CloseDeletesNothing").breaks("AUTO-001")
                        .says("reference count of 2", "expected 1").othersMayFail()
                        .closeFile((ref, fileObject) -> { }),
                // Closing any file object deletes the stream and file contexts, even while other handles remain open.
                mutant("FirstCloseDeletesStreamContexts").breaks("AUTO-002")
                        .says("reference count of 1", "expected 2").othersMayFail()
                        .perScenario(m -> {
                            Map<Long, Long> instances = new HashMap<>();
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                instances.put(fileObject, instance);
                                return fileObject;
                            });
                            m.closeFile((ref, fileObject) -> {
                                ContextTarget target = ContextTarget.file(instances.get(fileObject), fileObject);
                                ref.deleteTypedContext(ContextType.STREAM, target, false);
                                ref.deleteTypedContext(ContextType.FILE, target, false);
                                ref.closeFile(fileObject);
                            });
                        }),
                // The end of a transaction leaves its transaction contexts in place (they go only when the filter unloads).
                mutant("TransactionEndKeepsContexts").breaks("AUTO-003")
                        .says("reference count of 2", "expected 1")
                        .endTransaction((ref, transaction, commit) -> { }),
                // Loses a pool block whenever a transaction ends. No rule's own steps look at the pool there: only
                // the end-of-scenario leak check (KIT-LEAK-001) can catch it, which is what this mutant proves.
                mutant("TransactionEndLeaksBlock").breaks("KIT-LEAK-001")
                        .says("KIT-LEAK-001", "pool block(s) still outstanding")
                        .perScenario(m -> {
                            AtomicLong lost = new AtomicLong();
                            m.endTransaction((ref, transaction, commit) -> {
                                ref.endTransaction(transaction, commit);
                                lost.incrementAndGet();
                            });
                            m.pool(ref -> {
                                PoolSnapshot real = ref.pool();
                                return new PoolSnapshot(real.outstandingBlocks() + lost.get(), real.outstandingBytes(), real.liveContexts());
                            });
                        }),
                // An instance detaching leaves the contexts set through it in place.
                mutant("DetachKeepsContexts").breaks("AUTO-004")
                        .says("reference count of 2", "expected 1")
                        .detachInstance((ref, instance) -> { }),
                // Dismounting a volume deletes none of its contexts (they go only when the filter unloads).
                mutant("DismountDoesNothing").breaks("AUTO-005")
                        .says("reference count of 2", "expected 1")
                        .dismountVolume((ref, volume) -> { }),
                // The filter unloading leaves its contexts attached to their objects.
                mutant("UnloadKeepsContexts").breaks("AUTO-006")
                        .says("reference count of 2", "expected 1")
                        .unloadFilter((ref, filter) -> { }),
                // Frees a context whose last reference went with its object without calling the cleanup callback.
                mutant("TeardownSkipsCleanup").breaks("AUTO-007")
                        .says("ran 0 time(s)", "expected once")
                        .perScenario(m -> {
                            List<CallbackEvent> passed = new ArrayList<>();
                            m.closeFile((ref, fileObject) -> {
                                passed.addAll(ref.takeCallbackEvents());
                                ref.closeFile(fileObject);
                                ref.takeCallbackEvents().stream().filter(e -> e.kind() != CallbackEvent.Kind.CLEANUP).forEach(passed::add);
                            });
                            m.takeCallbackEvents(ref -> {
                                List<CallbackEvent> events = new ArrayList<>(passed);
                                passed.clear();
                                events.addAll(ref.takeCallbackEvents());
                                return events;
                            });
                        }));
    }
}
