package fltkit.spi;

/**
 * One call the implementation made into the minifilter's context callbacks.
 *
 * @param kind        which callback
 * @param poolType    ALLOCATE: the PoolType argument; otherwise -1
 * @param size        ALLOCATE: the Size argument (the whole context); otherwise -1
 * @param contextType the ContextType argument
 * @param address     ALLOCATE: the block the callback returned (0 for NULL); FREE: the Pool argument;
 *                    CLEANUP: the Context argument (the minifilter portion)
 * @param irql        the IRQL the callback ran at
 */
public record CallbackEvent(Kind kind, int poolType, long size, int contextType, long address, Irql irql) {

    public enum Kind { ALLOCATE, FREE, CLEANUP }

    public static CallbackEvent allocate(int poolType, long size, int contextType, long returned, Irql irql) {
        return new CallbackEvent(Kind.ALLOCATE, poolType, size, contextType, returned, irql);
    }

    public static CallbackEvent free(long pool, int contextType, Irql irql) {
        return new CallbackEvent(Kind.FREE, -1, -1, contextType, pool, irql);
    }

    public static CallbackEvent cleanup(long context, int contextType, Irql irql) {
        return new CallbackEvent(Kind.CLEANUP, -1, -1, contextType, context, irql);
    }
}
