package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.WindowsVersion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference, seen through the same kind of proxy a {@link Mutant} is (every role of the reference, nothing
 * replaced), noting which routines of the SPI each scenario called on its filter manager: its steps, the leak
 * check after it and {@code close}. {@link KitRun.Recordings} names the scenario under way.
 */
public class CallRecordingProvider extends ReferenceProvider {
    /** Where a call made while no scenario was under way is noted. */
    static final String OUTSIDE = "(no scenario)";
    /** The scenario under way (its location), set when Cucumber starts it. */
    static volatile String scenario;
    /** The routines each scenario called, by location; runs are one after another, so one map serves them all. */
    static final Map<String, Set<String>> CALLS = new ConcurrentHashMap<>();

    @Override
    public FilterManager create(WindowsVersion version) {
        ReferenceFilterManager reference = (ReferenceFilterManager) super.create(version);
        List<Class<?>> interfaces = new ArrayList<>();
        interfaces.add(FilterManager.class);
        Capability.of(reference).forEach(role -> interfaces.add(role.role()));
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        switch (method.getName()) {
                            case "equals": return proxy == args[0];
                            case "hashCode": return System.identityHashCode(proxy);
                            default: return "call recorder";
                        }
                    }
                    String where = scenario;
                    CALLS.computeIfAbsent(where == null ? OUTSIDE : where, k -> ConcurrentHashMap.newKeySet()).add(method.getName());
                    try {
                        return method.invoke(reference, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
