package fltkit.spi;

/** Role {@link Capability#CALLBACK_DATA}: callback data for the minifilter's own I/O. */
public interface CallbackData {
    /**
     * FltAllocateCallbackData(Instance, FileObject, &amp;RetNewCallbackData): STATUS_SUCCESS with the callback
     * data, or STATUS_INSUFFICIENT_RESOURCES with 0.
     */
    CallbackDataResult allocateCallbackData(long instance, long fileObject);

    /**
     * FltAllocateCallbackDataEx (Windows 7 and later) with Flags 0 or
     * {@link CallbackDataResult#PREALLOCATE_ALL_MEMORY}: as {@link #allocateCallbackData}; with the flag
     * the memory a later I/O needs is allocated now.
     */
    CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags);

    /** FltFreeCallbackData: frees the callback data and what was allocated for it. */
    void freeCallbackData(long callbackData);

    /** FltReuseCallbackData: makes the callback data ready for another I/O request. */
    void reuseCallbackData(long callbackData);

    /** FltPerformSynchronousIo of a simple read through the callback data. */
    NtStatus performSynchronousIo(long callbackData);

    /**
     * The file system fails the next {@code count} I/O requests for lack of its own memory: FltPerformSynchronousIo
     * then answers STATUS_INSUFFICIENT_RESOURCES, preallocated callback data or not (CBD-007).
     */
    void failFileSystemIo(int count);
}
