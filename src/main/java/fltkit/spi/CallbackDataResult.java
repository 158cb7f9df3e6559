package fltkit.spi;

/** What FltAllocateCallbackData(Ex) returned: the status and the callback data pointer (0 on failure). */
public record CallbackDataResult(NtStatus status, long callbackData) {
    /** FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY. */
    public static final int PREALLOCATE_ALL_MEMORY = 0x00000001;
}
