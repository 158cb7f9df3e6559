package fltkit.explore;

import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;

import java.util.HashSet;
import java.util.Set;

/**
 * Checks an instance's teardown only for the instance's own context: a file, stream or stream handle context set
 * through an instance being torn down is accepted, where the set pages document STATUS_FLT_DELETING_OBJECT ("the
 * Instance is being torn down"). Exploration found it first; SET-012 has had fixed scenarios for it since.
 */
public class SetsThroughDyingInstance extends DecoratedReference {
    private final Set<Long> dying = new HashSet<>();
    private boolean perStreamSupported = true;

    public SetsThroughDyingInstance(WindowsVersion version) {
        super(version);
    }

    public static class Provider extends DecoratedReference.Provider {
        public Provider() {
            super("accepts file sets through a dying instance", SetsThroughDyingInstance::new);
        }
    }

    @Override
    public void beginObjectTeardown(ContextType type, ContextTarget target) {
        if (type == ContextType.INSTANCE) {
            dying.add(target.instance()); // kept to itself: the reference never learns of it
        } else {
            super.beginObjectTeardown(type, target);
        }
    }

    @Override
    public void setPerStreamContextSupport(boolean supported) {
        perStreamSupported = supported;
        super.setPerStreamContextSupport(supported);
    }

    private static boolean fileish(ContextType type) {
        return type == ContextType.FILE || type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
    }

    @Override
    public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
        if (dying.contains(target.instance()) && !fileish(type) && type != ContextType.VOLUME) {
            boolean validOperation = type == ContextType.SECTION
                    || operation == SetOperation.KEEP_IF_EXISTS || operation == SetOperation.REPLACE_IF_EXISTS;
            ContextState context = inspectContext(newContext);
            if (validOperation && context.alive() && context.contextType() == type.value()) {
                return new ContextResult(NtStatus.STATUS_FLT_DELETING_OBJECT, 0);
            }
        }
        return super.setContext(type, target, operation, newContext, wantOldContext);
    }

    @Override
    public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
        boolean streamish = type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
        if (dying.contains(target.instance()) && type != ContextType.VOLUME && type != ContextType.SECTION
                && !(streamish && !perStreamSupported)) {
            return new ContextResult(NtStatus.STATUS_FLT_DELETING_OBJECT, 0);
        }
        return super.deleteTypedContext(type, target, wantOldContext);
    }
}
