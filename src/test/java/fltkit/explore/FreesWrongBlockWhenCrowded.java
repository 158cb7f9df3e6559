package fltkit.explore;

import fltkit.spi.CallbackEvent;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands the minifilter's free callback the block of another context, but only while another context from the
 * minifilter's allocate callback is still alive. The fixed scenarios free such a context only when it is the
 * only one.
 */
public class FreesWrongBlockWhenCrowded extends DecoratedReference {
    /** Blocks the allocate callback returned and the free callback has not had yet, oldest first. */
    private final List<Long> liveBlocks = new ArrayList<>();

    public FreesWrongBlockWhenCrowded(WindowsVersion version) {
        super(version);
    }

    public static class Provider extends DecoratedReference.Provider {
        public Provider() {
            super("frees the wrong block when crowded", FreesWrongBlockWhenCrowded::new);
        }
    }

    @Override
    public List<CallbackEvent> takeCallbackEvents() {
        List<CallbackEvent> reported = new ArrayList<>();
        for (CallbackEvent event : super.takeCallbackEvents()) {
            if (event.kind() == CallbackEvent.Kind.ALLOCATE && event.address() != 0) {
                liveBlocks.add(event.address());
            } else if (event.kind() == CallbackEvent.Kind.FREE) {
                liveBlocks.remove(Long.valueOf(event.address()));
                if (!liveBlocks.isEmpty()) {
                    event = CallbackEvent.free(liveBlocks.get(liveBlocks.size() - 1), event.contextType(), event.irql());
                }
            }
            reported.add(event);
        }
        return reported;
    }
}
