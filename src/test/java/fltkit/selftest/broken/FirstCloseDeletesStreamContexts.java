package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;
import java.util.HashMap;
import java.util.Map;

/** Closing any file object deletes the stream and file contexts, even while other handles remain open. */
@Breaks(rules = {"AUTO-002"}, messageContains = {"reference count of 1", "expected 2"}, othersMayFail = true)
public class FirstCloseDeletesStreamContexts extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final Map<Long, Long> instances = new HashMap<>();

            @Override
            public long openFile(long instance, String fileName, String streamName) {
                long fileObject = inner.openFile(instance, fileName, streamName);
                instances.put(fileObject, instance);
                return fileObject;
            }

            @Override
            public void closeFile(long fileObject) {
                ContextTarget target = ContextTarget.file(instances.get(fileObject), fileObject);
                inner.deleteTypedContext(ContextType.STREAM, target, false);
                inner.deleteTypedContext(ContextType.FILE, target, false);
                inner.closeFile(fileObject);
            }
        };
    }
}
