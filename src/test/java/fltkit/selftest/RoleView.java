package fltkit.selftest;

import fltkit.spi.Capability;
import fltkit.spi.FilterManager;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A filter manager seen through only some of its roles: an implementation that declares less than the reference. */
public final class RoleView {
    private RoleView() {
    }

    /** {@code full} with every role it implements except {@code dropped}. */
    public static FilterManager without(FilterManager full, Capability... dropped) {
        Set<Capability> kept = Capability.of(full);
        kept.removeAll(dropped.length == 0 ? Set.of() : EnumSet.of(dropped[0], dropped));
        List<Class<?>> roles = new ArrayList<>();
        roles.add(FilterManager.class);
        kept.forEach(capability -> roles.add(capability.role()));
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), roles.toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    try {
                        return method.invoke(full, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
