package fltkit.reference;

import fltkit.spi.BugCheck;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.NtStatus;

import java.util.HashMap;
import java.util.Map;

/**
 * FltAllocateCallbackData(Ex), FltFreeCallbackData, FltReuseCallbackData and a synchronous I/O through
 * the callback data. The structure comes from nonpaged pool; an I/O needs a further block of filter
 * manager memory, which FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY takes at allocation time.
 */
final class CallbackDataModel {
    /** FLT_CALLBACK_DATA with its parameter block, as the model sizes it. */
    static final int STRUCTURE_SIZE = 0x1A0;
    /** What the filter manager needs to issue one I/O (IRP and its own tracking). */
    static final int IO_MEMORY_SIZE = 0x2F0;

    private final Pool pool;
    private final Map<Long, CallbackData> live = new HashMap<>();
    private int fileSystemFailures;

    private static final class CallbackData {
        final Pool.Block structure;
        final Pool.Block preallocated;

        CallbackData(Pool.Block structure, Pool.Block preallocated) {
            this.structure = structure;
            this.preallocated = preallocated;
        }
    }

    CallbackDataModel(Pool pool) {
        this.pool = pool;
    }

    CallbackDataResult allocate(int flags) {
        if ((flags & ~CallbackDataResult.PREALLOCATE_ALL_MEMORY) != 0) {
            return new CallbackDataResult(NtStatus.STATUS_INVALID_PARAMETER, 0);
        }
        Pool.Block structure = pool.allocate(STRUCTURE_SIZE, false, true);
        if (structure == null) {
            return new CallbackDataResult(NtStatus.STATUS_INSUFFICIENT_RESOURCES, 0);
        }
        Pool.Block extra = null;
        if ((flags & CallbackDataResult.PREALLOCATE_ALL_MEMORY) != 0) {
            extra = pool.allocate(IO_MEMORY_SIZE, false, false);
            if (extra == null) {
                pool.free(structure);
                return new CallbackDataResult(NtStatus.STATUS_INSUFFICIENT_RESOURCES, 0);
            }
        }
        live.put(structure.address, new CallbackData(structure, extra));
        return new CallbackDataResult(NtStatus.STATUS_SUCCESS, structure.address);
    }

    void free(long callbackData) {
        CallbackData data = require(callbackData);
        live.remove(callbackData);
        pool.free(data.structure);
        if (data.preallocated != null) {
            pool.free(data.preallocated);
        }
    }

    /** Ready for another I/O: same structure, same target, same preallocated memory. */
    void reuse(long callbackData) {
        require(callbackData);
    }

    NtStatus performSynchronousIo(long callbackData) {
        CallbackData data = require(callbackData);
        Pool.Block memory = data.preallocated;
        boolean borrowed = memory == null;
        if (borrowed) {
            memory = pool.allocate(IO_MEMORY_SIZE, false, false);
            if (memory == null) {
                return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
            }
        }
        try {
            if (fileSystemFailures > 0) {
                fileSystemFailures--;
                return NtStatus.STATUS_INSUFFICIENT_RESOURCES;
            }
            return NtStatus.STATUS_SUCCESS;
        } finally {
            if (borrowed) {
                pool.free(memory);
            }
        }
    }

    void failFileSystemIo(int count) {
        fileSystemFailures = count;
    }

    private CallbackData require(long callbackData) {
        CallbackData data = live.get(callbackData);
        if (data == null) {
            // Windows would corrupt pool or crash; the model stops the machine the way a bug check does.
            throw new BugCheck(BugCheck.FLTMGR_FILE_SYSTEM, 0, String.format(
                    "0x%X is not a callback data the filter allocated, or it was freed already", callbackData));
        }
        return data;
    }
}
