package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.PoolSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                // The last close of a stream keeps its stream contexts while another stream of the file is open: stream
                // contexts go with the file.
                mutant("StreamContextsWaitForFileClose").breaks("AUTO-001")
                        .says("reference count of 2", "expected 1")
                        .perScenario(m -> {
                            OpenFiles files = new OpenFiles();
                            Map<String, List<Long>> keptForFile = new HashMap<>();
                            m.openFile((ref, instance, fileName, streamName) -> files.opened(ref.openFile(instance, fileName, streamName),
                                    instance, fileName, streamName));
                            m.closeFile((ref, fileObject) -> {
                                OpenFiles.Handle handle = files.handles.get(fileObject);
                                if (handle != null && files.lastOfStream(fileObject) && files.fileStaysOpen(fileObject)) {
                                    ContextResult stream = ref.getContext(ContextType.STREAM, ContextTarget.file(handle.instance(), fileObject));
                                    if (stream.status().isSuccess()) {
                                        keptForFile.computeIfAbsent(handle.file(), f -> new ArrayList<>()).add(stream.context());
                                    }
                                }
                                boolean lastOfFile = handle != null && !files.fileStaysOpen(fileObject);
                                files.closed(fileObject);
                                ref.closeFile(fileObject);
                                if (lastOfFile) {
                                    keptForFile.getOrDefault(handle.file(), List.of()).forEach(ref::releaseContext);
                                    keptForFile.remove(handle.file());
                                }
                            });
                        }),
                // The last close of a stream also deletes the file contexts, though another stream of the file is still open.
                mutant("FileContextGoesWithFirstStream").breaks("AUTO-002")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            OpenFiles files = new OpenFiles();
                            m.openFile((ref, instance, fileName, streamName) -> files.opened(ref.openFile(instance, fileName, streamName),
                                    instance, fileName, streamName));
                            m.closeFile((ref, fileObject) -> {
                                OpenFiles.Handle handle = files.handles.get(fileObject);
                                if (handle != null && files.lastOfStream(fileObject)) {
                                    ref.deleteTypedContext(ContextType.FILE, ContextTarget.file(handle.instance(), fileObject), false);
                                }
                                files.closed(fileObject);
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
                // The end of one transaction deletes the transaction contexts of every transaction.
                mutant("TransactionEndDeletesEveryTransactionContext").breaks("AUTO-003")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            Set<ContextTarget> setOn = new LinkedHashSet<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (type == ContextType.TRANSACTION && result.status().isSuccess()) {
                                    setOn.add(target);
                                }
                                return result;
                            });
                            m.endTransaction((ref, transaction, commit) -> {
                                ref.endTransaction(transaction, commit);
                                for (ContextTarget target : setOn) {
                                    if (target.transaction() != transaction) {
                                        ref.deleteTypedContext(ContextType.TRANSACTION, target, false);
                                    }
                                }
                            });
                        }),
                // An instance detaching deletes every context on every object, whoever set it (an unlink that ignores the owner).
                mutant("DetachDeletesEveryInstancesContexts").breaks("AUTO-004")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            Set<ContextTarget> setOn = new LinkedHashSet<>();
                            Map<ContextTarget, ContextType> typeOf = new LinkedHashMap<>();
                            m.setContext((ref, type, target, operation, newContext, wantOld) -> {
                                ContextResult result = ref.setContext(type, target, operation, newContext, wantOld);
                                if (type != ContextType.SECTION && result.status().isSuccess()) {
                                    setOn.add(target);
                                    typeOf.put(target, type);
                                }
                                return result;
                            });
                            m.detachInstance((ref, instance) -> {
                                ref.detachInstance(instance);
                                for (ContextTarget target : setOn) {
                                    ref.deleteTypedContext(typeOf.get(target), target, false);
                                }
                            });
                        }),
                // Dismounting a volume closes every file object, on every volume.
                mutant("DismountClosesEveryVolumesFiles").breaks("AUTO-005")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            Set<Long> open = new LinkedHashSet<>();
                            m.openFile((ref, instance, fileName, streamName) -> {
                                long fileObject = ref.openFile(instance, fileName, streamName);
                                open.add(fileObject);
                                return fileObject;
                            });
                            m.closeFile((ref, fileObject) -> {
                                open.remove(fileObject);
                                ref.closeFile(fileObject);
                            });
                            m.dismountVolume((ref, volume) -> {
                                open.forEach(ref::closeFile);
                                open.clear();
                                ref.dismountVolume(volume);
                            });
                        }),
                // Unloading a filter detaches every instance on the machine, whichever filter it belongs to.
                mutant("UnloadDetachesEveryFiltersInstances").breaks("AUTO-006")
                        .says("reference count of 1", "expected 2")
                        .perScenario(m -> {
                            List<Long> instances = new ArrayList<>();
                            m.attachInstance((ref, filter, volume) -> {
                                long instance = ref.attachInstance(filter, volume);
                                instances.add(instance);
                                return instance;
                            });
                            m.unloadFilter((ref, filter) -> {
                                instances.forEach(ref::detachInstance);
                                ref.unloadFilter(filter);
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

    /** The file objects a mutant saw opened and not yet closed, with the instance, file and stream each was opened on. */
    static final class OpenFiles {
        record Handle(long instance, String file, String stream) {
        }

        final Map<Long, Handle> handles = new HashMap<>();

        long opened(long fileObject, long instance, String fileName, String streamName) {
            handles.put(fileObject, new Handle(instance, fileName, streamName == null ? "" : streamName));
            return fileObject;
        }

        void closed(long fileObject) {
            handles.remove(fileObject);
        }

        /** No other open file object of the same instance's stream. */
        boolean lastOfStream(long fileObject) {
            Handle handle = handles.get(fileObject);
            return handles.entrySet().stream().noneMatch(e -> e.getKey() != fileObject && e.getValue().equals(handle));
        }

        /** Another file object of the same file (any stream) stays open. */
        boolean fileStaysOpen(long fileObject) {
            Handle handle = handles.get(fileObject);
            return handles.entrySet().stream().anyMatch(e -> e.getKey() != fileObject && e.getValue().file().equals(handle.file()));
        }
    }
}
