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
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Wraps the implementation: every call and its answer go into a trace the report shows. What the
 * implementation throws is judged here, in one place:
 * <ul>
 *   <li>a {@link BugCheck} answering a call the step makes through {@link World#breakingContract} is an
 *       accepted answer to a deliberately broken caller contract, and reaches the step;</li>
 *   <li>a {@link BugCheck} anywhere else fails the scenario's rule: the minifilter kept to its contract,
 *       so stopping the machine is the implementation's non-conformance;</li>
 *   <li>anything else becomes a {@link BrokenImplementationException}: the run could not judge.</li>
 * </ul>
 */
final class CallTrace implements InvocationHandler {
    private final FilterManager target;
    private final BooleanSupplier insideContractBreach;
    private final Supplier<String> ruleId;
    private final List<String> lines = new ArrayList<>();

    private CallTrace(FilterManager target, BooleanSupplier insideContractBreach, Supplier<String> ruleId) {
        this.target = target;
        this.insideContractBreach = insideContractBreach;
        this.ruleId = ruleId;
    }

    static CallTrace around(FilterManager target, BooleanSupplier insideContractBreach, Supplier<String> ruleId) {
        return new CallTrace(target, insideContractBreach, ruleId);
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
                if (insideContractBreach.getAsBoolean()) {
                    throw thrown;
                }
                throw new AssertionError(String.format("%s violated: %s stopped the machine (%s) although the "
                        + "minifilter kept to its contract", ruleId.get(), call, thrown.getMessage()), thrown);
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
