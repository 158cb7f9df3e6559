package fltkit.spi;

/**
 * The object a typed set/get/delete routine works on, as the routine's arguments name it. Unused
 * members are 0. Volume contexts use {@code volume} (and the filter of the instance), instance
 * contexts {@code instance}, file/stream/stream-handle contexts {@code instance} and
 * {@code fileObject}, transaction contexts {@code instance} and {@code transaction}.
 */
public record ContextTarget(long instance, long volume, long fileObject, long transaction) {

    public static ContextTarget volume(long instance, long volume) {
        return new ContextTarget(instance, volume, 0, 0);
    }

    public static ContextTarget instance(long instance) {
        return new ContextTarget(instance, 0, 0, 0);
    }

    public static ContextTarget file(long instance, long fileObject) {
        return new ContextTarget(instance, 0, fileObject, 0);
    }

    public static ContextTarget transaction(long instance, long transaction) {
        return new ContextTarget(instance, 0, 0, transaction);
    }
}
