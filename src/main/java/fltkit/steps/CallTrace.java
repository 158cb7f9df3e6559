package fltkit.steps;

import fltkit.rules.BrokenImplementation;
import fltkit.spi.BugCheck;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.NtStatus;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Stands between the steps and the implementation: every call runs under the time limit, goes into the
 * trace the report shows, and has its answer checked against what the SPI promises. What the
 * implementation throws or answers is judged here, in one place:
 * <ul>
 *   <li>a {@link BugCheck} answering a call made while the minifilter breaks its contract on purpose
 *       ({@link ScenarioState#breakingContract}) is an accepted answer and reaches the step;</li>
 *   <li>a {@link BugCheck} anywhere else fails the scenario's rule: the minifilter kept to its contract,
 *       so stopping the machine is the implementation's non-conformance;</li>
 *   <li>anything else thrown (any {@link Throwable}), a hung call, {@code null} where an object is
 *       promised: {@link BrokenImplementation}, naming the call and the bad value.</li>
 * </ul>
 */
final class CallTrace implements InvocationHandler {
    private final Object target;
    private final Duration limit;
    private final BooleanSupplier insideContractBreach;
    private final String ruleId;
    private final List<String> lines = new ArrayList<>();
    private boolean abandoned;

    private CallTrace(Object target, Duration limit, BooleanSupplier insideContractBreach, String ruleId) {
        this.target = target;
        this.limit = limit;
        this.insideContractBreach = insideContractBreach;
        this.ruleId = ruleId;
    }

    /** A view of {@code target} with the same roles, every call traced, timed and checked. */
    static CallTrace around(FilterManager target, Duration limit, BooleanSupplier insideContractBreach, String ruleId) {
        return new CallTrace(target, limit, insideContractBreach, ruleId);
    }

    FilterManager view(Set<Capability> roles) {
        List<Class<?>> interfaces = new ArrayList<>();
        interfaces.add(FilterManager.class);
        roles.forEach(capability -> interfaces.add(capability.role()));
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), interfaces.toArray(Class<?>[]::new), this);
    }

    List<String> lines() {
        return lines;
    }

    /** True once a call hung: the implementation instance is given up (not checked for leaks, not closed). */
    boolean abandoned() {
        return abandoned;
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return method.invoke(target, args);
        }
        String call = describe(method, args);
        if (abandoned) {
            throw new BrokenImplementation("the kit gave up this filter manager after a call that never returned; " + call
                    + " was not made");
        }
        Object result;
        try {
            result = CallRunner.current().call(call, limit, () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new Thrown(e.getCause());
                }
            });
        } catch (Thrown thrown) {
            throw judged(call, thrown.getCause());
        } catch (BrokenImplementation hung) {
            abandoned = true;
            lines.add(call + " !! did not return");
            throw hung;
        }
        lines.add(call + (method.getReturnType() == void.class ? "" : " -> " + show(result)));
        if (method.getReturnType() != void.class) {
            checkAnswer(call, method.getReturnType().getSimpleName(), result);
        }
        return result;
    }

    /** The call as the trace shows it: {@code allocateContext(0x7F000000, 8, 24, 1)}. */
    private static String describe(Method method, Object[] args) {
        StringBuilder call = new StringBuilder(64).append(method.getName()).append('(');
        if (args != null) {
            for (int i = 0; i < args.length; i++) {
                call.append(i == 0 ? "" : ", ").append(show(args[i]));
            }
        }
        return call.append(')').toString();
    }

    private Throwable judged(String call, Throwable thrown) {
        lines.add(call + " !! " + thrown);
        if (thrown instanceof BugCheck) {
            if (insideContractBreach.getAsBoolean()) {
                return thrown;
            }
            return new AssertionError(String.format("%s violated: %s stopped the machine (%s) although the "
                    + "minifilter kept to its contract", ruleId, call, thrown.getMessage()), thrown);
        }
        String message = thrown.getMessage() == null ? "(no message)" : thrown.getMessage();
        return new BrokenImplementation("the implementation threw " + thrown.getClass().getName() + " from " + call + ": "
                + message, thrown);
    }

    /** The SPI promises objects, never null: a record with every component set, a list of such records. */
    private static void checkAnswer(String call, String promised, Object answer) {
        if (answer == null) {
            throw new BrokenImplementation(call + " returned null; the SPI promises " + article(promised) + " " + promised);
        }
        if (answer instanceof List<?>) {
            List<?> list = (List<?>) answer;
            for (int i = 0; i < list.size(); i++) {
                checkAnswer(call, promised + " element " + i, list.get(i));
            }
        } else if (answer.getClass().isRecord()) {
            for (RecordComponent component : OBJECT_COMPONENTS.get(answer.getClass())) {
                Object value;
                try {
                    value = component.getAccessor().invoke(answer);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (value == null) {
                    throw new BrokenImplementation(call + " returned " + answer.getClass().getSimpleName() + " with "
                            + component.getName() + " = null; the SPI promises " + article(component.getType().getSimpleName())
                            + " " + component.getType().getSimpleName());
                }
            }
        }
    }

    /** The components of a record class that hold objects (the ones that could be null), looked up once per class. */
    private static final ClassValue<List<RecordComponent>> OBJECT_COMPONENTS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            return Arrays.stream(COMPONENTS.get(type)).filter(c -> !c.getType().isPrimitive()).toList();
        }
    };

    private static String article(String noun) {
        return "AEIOU".indexOf(Character.toUpperCase(noun.charAt(0))) >= 0 ? "an" : "a";
    }

    static String show(Object value) {
        if (value instanceof Long) {
            long number = (Long) value;
            return number > 0xFFFF ? "0x" + Long.toHexString(number).toUpperCase(Locale.ROOT) : Long.toString(number);
        }
        if (value instanceof byte[]) {
            return ((byte[]) value).length + " bytes";
        }
        if (value instanceof NtStatus) {
            return value.toString();
        }
        StringBuilder text = new StringBuilder();
        render(value, text);
        return text.toString();
    }

    /**
     * Appends exactly what {@code String.valueOf(value)} would. A record's generated toString goes through
     * String.format on Java 17, which made it the largest cost of tracing a call, so a record is rendered here
     * component by component instead, once the first instance of its class showed that this gives the same text
     * (a record with a toString of its own keeps it).
     */
    private static void render(Object value, StringBuilder text) {
        if (value instanceof Record && rendersAlike(value)) {
            renderRecord(value, text);
        } else if (value instanceof List<?>) {
            List<?> list = (List<?>) value;
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ");
                render(list.get(i), text);
            }
            text.append(']');
        } else {
            text.append(value);
        }
    }

    private static final Map<Class<?>, Boolean> RENDERED_ALIKE = new ConcurrentHashMap<>();

    private static boolean rendersAlike(Object record) {
        Boolean alike = RENDERED_ALIKE.get(record.getClass());
        if (alike == null) {
            StringBuilder text = new StringBuilder();
            renderRecord(record, text);
            alike = text.toString().equals(record.toString());
            RENDERED_ALIKE.put(record.getClass(), alike);
        }
        return alike;
    }

    private static void renderRecord(Object record, StringBuilder text) {
        text.append(record.getClass().getSimpleName()).append('[');
        RecordComponent[] components = COMPONENTS.get(record.getClass());
        for (int i = 0; i < components.length; i++) {
            text.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=');
            try {
                render(components[i].getAccessor().invoke(record), text);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + components[i] + " of " + record.getClass(), e);
            }
        }
        text.append(']');
    }

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    /** Carries what the implementation threw out of the worker thread, told apart from the kit's own failures. */
    private static final class Thrown extends Exception {
        Thrown(Throwable cause) {
            super(cause);
        }
    }
}
