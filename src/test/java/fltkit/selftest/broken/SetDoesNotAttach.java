package fltkit.selftest.broken;

import fltkit.reference.ReferenceFilterManager;
import fltkit.selftest.Breaks;
import fltkit.selftest.BrokenProvider;
import fltkit.selftest.DelegatingFilterManager;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;
import java.util.ArrayList;
import java.util.List;

/** Answers a KEEP_IF_EXISTS set of a stream handle context with success, and references NewContext, without attaching it. */
@Breaks(rules = "SET-001", messageContains = {"STATUS_NOT_FOUND"}, othersMayFail = true)
public class SetDoesNotAttach extends BrokenProvider {
    @Override
    protected FilterManager breakIt(ReferenceFilterManager reference, WindowsVersion version) {
        return new DelegatingFilterManager(reference) {
            private final List<Long> phantom = new ArrayList<>();

            @Override
            public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
                if (type == ContextType.STREAMHANDLE && operation == SetOperation.KEEP_IF_EXISTS
                        && !inner.getContext(type, target).status().isSuccess()) {
                    inner.referenceContext(newContext);
                    phantom.add(newContext);
                    return new ContextResult(NtStatus.STATUS_SUCCESS, 0);
                }
                return inner.setContext(type, target, operation, newContext, wantOldContext);
            }

            @Override
            public void closeFile(long fileObject) {
                phantom.forEach(inner::releaseContext);
                phantom.clear();
                inner.closeFile(fileObject);
            }
        };
    }
}
