package fltkit.spi;

import java.util.List;

/** Role {@link Capability#CALLBACK_EVENTS}: the calls the implementation made into the minifilter's context callbacks. */
public interface CallbackEvents {
    /** The callback calls made since the last call of this method, in the order they were made. */
    List<CallbackEvent> takeCallbackEvents();
}
