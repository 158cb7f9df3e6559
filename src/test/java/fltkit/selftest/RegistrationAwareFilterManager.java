package fltkit.selftest;

import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextRegistration;
import fltkit.reference.ReferenceFilterManager;
import fltkit.spi.Registration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A decorator that remembers the registration array it passed on, so a broken implementation can
 * bend FltAllocateContext for some definitions only, rewrite the array, or rewrite what the callbacks saw.
 */
public class RegistrationAwareFilterManager extends DelegatingFilterManager {
    /** The entries of the last successful registration, in array order. */
    protected final List<ContextRegistration> entries = new ArrayList<>();

    public RegistrationAwareFilterManager(ReferenceFilterManager inner) {
        super(inner);
    }

    /** The array the broken implementation really registers; the default keeps it. */
    protected List<ContextRegistration> rewrite(List<ContextRegistration> registrations) {
        return registrations;
    }

    @Override
    public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
        List<ContextRegistration> used = rewrite(registrations);
        Registration registration = inner.registerFilter(used, terminated);
        if (registration.status().isSuccess() && used != null) {
            entries.addAll(used);
        }
        return registration;
    }

    /** The registered entries of a type, in array order. */
    protected List<ContextRegistration> entriesOf(int contextType) {
        return entries.stream().filter(e -> e.contextType() == contextType).toList();
    }

    protected boolean hasVariable(int contextType) {
        return entriesOf(contextType).stream().anyMatch(e -> e.isVariableSize() && !e.allocateCallback());
    }

    protected boolean hasAllocateRoutine(int contextType) {
        return entriesOf(contextType).stream().anyMatch(ContextRegistration::allocateCallback);
    }

    /** Callback events as a broken implementation would have made them. */
    protected static List<CallbackEvent> map(List<CallbackEvent> events, UnaryOperator<CallbackEvent> change) {
        return events.stream().map(change).toList();
    }
}
