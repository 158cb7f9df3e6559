package fltkit.selftest.broken;

import fltkit.selftest.Mutant;
import fltkit.selftest.MutantTable;
import fltkit.spi.NtStatus;
import fltkit.spi.CallbackDataResult;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static fltkit.selftest.Mutant.mutant;
import static fltkit.spi.NtStatus.STATUS_INSUFFICIENT_RESOURCES;
import static fltkit.spi.NtStatus.STATUS_INVALID_PARAMETER;
import static fltkit.spi.NtStatus.STATUS_SUCCESS;

/** Broken FltAllocateCallbackData(Ex), FltFreeCallbackData, FltReuseCallbackData and the I/O they issue. */
public final class CallbackDataMutants extends MutantTable {
    public CallbackDataMutants() {
        super("CallbackData.feature");
    }

    @Override
    public List<Mutant> mutants() {
        return table(
                // FltAllocateCallbackData refuses a NULL FileObject.
                mutant("NoCallbackDataForCreate").breaks("CBD-001")
                        .says("FileObject=NULL", "STATUS_INVALID_PARAMETER")
                        .allocateCallbackData((ref, instance, fileObject) -> fileObject == 0
                                ? new CallbackDataResult(STATUS_INVALID_PARAMETER, 0) : ref.allocateCallbackData(instance, fileObject)),
                // FltAllocateCallbackDataEx refuses the FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY flag.
                mutant("ExRefusesPreallocateFlag").breaks("CBD-002")
                        .says("FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY", "STATUS_INVALID_PARAMETER").othersMayFail()
                        .allocateCallbackDataEx((ref, instance, fileObject, flags) -> flags != 0
                                ? new CallbackDataResult(STATUS_INVALID_PARAMETER, 0) : ref.allocateCallbackDataEx(instance, fileObject, flags)),
                // A failed FltAllocateCallbackData still writes a (stale) pointer into RetNewCallbackData.
                mutant("HandsBackDataOnFailure").breaks("CBD-003")
                        .says("yet handed back callback data")
                        .allocateCallbackData((ref, instance, fileObject) -> {
                            CallbackDataResult result = ref.allocateCallbackData(instance, fileObject);
                            return !result.status().equals(STATUS_INSUFFICIENT_RESOURCES) ? result : new CallbackDataResult(result.status(), 0xDEAD_0000L);
                        }),
                // FltAllocateCallbackDataEx ignores FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY and preallocates nothing.
                mutant("IgnoresPreallocateFlag").breaks("CBD-004").alsoFails("CBD-005", "CBD-012")
                        .says("STATUS_INSUFFICIENT_RESOURCES (0xC000009A)", "STATUS_SUCCESS")
                        .allocateCallbackDataEx((ref, instance, fileObject, flags) -> ref.allocateCallbackDataEx(instance, fileObject, 0)),
                // Preallocates the memory but still asks pool for it when the I/O is issued.
                mutant("PreallocationNotUsedForIo").breaks("CBD-005").alsoFails("CBD-012")
                        .says("STATUS_SUCCESS (0x00000000)", "STATUS_INSUFFICIENT_RESOURCES")
                        .perScenario(m -> {
                            AtomicBoolean exhausted = new AtomicBoolean();
                            m.failPoolAllocationsAfter((ref, successes, count) -> {
                                if (successes == 0) {
                                    exhausted.set(count > 0);
                                }
                                ref.failPoolAllocationsAfter(successes, count);
                            });
                            m.performSynchronousIo((ref, data) -> exhausted.get() ? STATUS_INSUFFICIENT_RESOURCES : ref.performSynchronousIo(data));
                        }),
                // FltFreeCallbackData gives nothing back.
                mutant("FreeKeepsCallbackData").breaks("CBD-008")
                        .alsoFails("CBD-009", "CBD-001", "CBD-002", "CBD-005", "CBD-006", "CBD-007", "CBD-010")
                        .says("memory did not go back")
                        .freeCallbackData((ref, data) -> { }),
                // FltFreeCallbackData gives nothing back for callback data allocated with the preallocation flag.
                mutant("FreeForgetsPreallocatedMemory").breaks("CBD-009").alsoFails("CBD-002", "CBD-005", "CBD-007")
                        .says("memory did not go back")
                        .perScenario(m -> {
                            Set<Long> preallocated = new HashSet<>();
                            m.allocateCallbackDataEx((ref, instance, fileObject, flags) -> {
                                CallbackDataResult result = ref.allocateCallbackDataEx(instance, fileObject, flags);
                                if (flags != 0 && result.status().isSuccess()) {
                                    preallocated.add(result.callbackData());
                                }
                                return result;
                            });
                            m.freeCallbackData((ref, data) -> {
                                if (!preallocated.contains(data)) {
                                    ref.freeCallbackData(data);
                                }
                            });
                        }),
                // FltReuseCallbackData gives back the memory FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY took, so the
                // next I/O of the reused callback data needs pool again.
                mutant("ReuseDropsPreallocation").breaks("CBD-012")
                        .says("STATUS_SUCCESS (0x00000000)", "STATUS_INSUFFICIENT_RESOURCES")
                        .perScenario(m -> {
                            Set<Long> preallocated = new HashSet<>();
                            Set<Long> reused = new HashSet<>();
                            AtomicBoolean exhausted = new AtomicBoolean();
                            m.allocateCallbackDataEx((ref, instance, fileObject, flags) -> {
                                CallbackDataResult result = ref.allocateCallbackDataEx(instance, fileObject, flags);
                                if ((flags & CallbackDataResult.PREALLOCATE_ALL_MEMORY) != 0 && result.status().isSuccess()) {
                                    preallocated.add(result.callbackData());
                                }
                                return result;
                            });
                            m.reuseCallbackData((ref, data) -> {
                                ref.reuseCallbackData(data);
                                reused.add(data);
                            });
                            m.failPoolAllocationsAfter((ref, successes, count) -> {
                                if (successes == 0) {
                                    exhausted.set(count > 0);
                                }
                                ref.failPoolAllocationsAfter(successes, count);
                            });
                            m.performSynchronousIo((ref, data) -> preallocated.contains(data) && reused.contains(data) && exhausted.get()
                                    ? STATUS_INSUFFICIENT_RESOURCES : ref.performSynchronousIo(data));
                        }),
                // Callback data handed to FltReuseCallbackData can no longer issue I/O.
                mutant("ReuseSpoilsCallbackData").breaks("CBD-010").alsoFails("CBD-012")
                        .says("STATUS_SUCCESS (0x00000000)", "STATUS_INVALID_PARAMETER")
                        .perScenario(m -> {
                            Set<Long> reused = new HashSet<>();
                            m.reuseCallbackData((ref, data) -> {
                                ref.reuseCallbackData(data);
                                reused.add(data);
                            });
                            m.performSynchronousIo((ref, data) -> reused.contains(data) ? STATUS_INVALID_PARAMETER : ref.performSynchronousIo(data));
                        }),
                // Preallocated callback data hides the file system's failure: its I/O always reports success.
                mutant("PreallocationHidesFileSystemFailures").breaks("CBD-007")
                        .says("STATUS_SUCCESS (0x00000000)", "expected STATUS_INSUFFICIENT_RESOURCES (0xC000009A)")
                        .perScenario(m -> {
                            Set<Long> preallocated = new HashSet<>();
                            m.allocateCallbackDataEx((ref, instance, fileObject, flags) -> {
                                CallbackDataResult result = ref.allocateCallbackDataEx(instance, fileObject, flags);
                                if (result.status().isSuccess() && (flags & CallbackDataResult.PREALLOCATE_ALL_MEMORY) != 0) {
                                    preallocated.add(result.callbackData());
                                }
                                return result;
                            });
                            m.performSynchronousIo((ref, data) -> {
                                NtStatus status = ref.performSynchronousIo(data);
                                return preallocated.contains(data) ? STATUS_SUCCESS : status;
                            });
                        }),
                // Once the file system failed an I/O of the callback data, every later I/O of it fails the same way, reuse or not.
                mutant("FileSystemFailureSticks").breaks("CBD-010")
                        .says("STATUS_INSUFFICIENT_RESOURCES (0xC000009A)", "expected STATUS_SUCCESS (0x00000000)")
                        .perScenario(m -> {
                            Set<Long> failed = new HashSet<>();
                            m.performSynchronousIo((ref, data) -> {
                                if (failed.contains(data)) {
                                    return STATUS_INSUFFICIENT_RESOURCES;
                                }
                                NtStatus status = ref.performSynchronousIo(data);
                                if (!status.isSuccess()) {
                                    failed.add(data);
                                }
                                return status;
                            });
                        }));
    }
}
