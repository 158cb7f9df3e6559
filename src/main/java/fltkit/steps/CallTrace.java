package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Wraps the implementation: every call and its answer go into a trace the report shows, and anything
 * the implementation throws (other than a {@link BugCheck}) becomes a {@link BrokenImplementationException}.
 */
final class CallTrace implements InvocationHandler {
    private final FilterManager target;
    private final List<String> lines = new ArrayList<>();

    private CallTrace(FilterManager target) {
        this.target = target;
    }

    static CallTrace around(FilterManager target) {
        return new CallTrace(target);
    }

    FilterManager proxy() {
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(),
                new Class<?>[] {FilterManager.class}, this);
    }

    List<String> lines() {
        return lines;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        String call = method.getName() + "(" + (args == null ? "" : Arrays.stream(args).map(CallTrace::show)
                .collect(Collectors.joining(", "))) + ")";
        try {
            Object result = method.invoke(target, args);
            lines.add(call + (method.getReturnType() == void.class ? "" : " -> " + show(result)));
            return result;
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            lines.add(call + " !! " + thrown);
            if (thrown instanceof BugCheck) {
                throw thrown;
            }
            throw new BrokenImplementationException("the implementation threw " + thrown.getClass().getSimpleName()
                    + " from " + call + ": " + thrown.getMessage(), thrown);
        }
    }

    static String show(Object value) {
        if (value instanceof Long) {
            long number = (Long) value;
            return number > 0xFFFF ? String.format("0x%X", number) : Long.toString(number);
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).length + " bytes";
        }
        if (value instanceof NtStatus) {
            return value.toString();
        }
        return String.valueOf(value);
    }
}
