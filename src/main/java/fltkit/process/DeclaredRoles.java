package fltkit.process;

import fltkit.spi.Capability;
import fltkit.spi.FilterManager;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A view of a filter manager that implements only the roles of the capabilities a process declared in its
 * handshake: over the protocol every request can be spoken, so the declaration, not the Java class, says
 * what the implementation provides.
 */
final class DeclaredRoles {
    private DeclaredRoles() {
    }

    static FilterManager view(FilterManager full, Set<Capability> declared) {
        List<Class<?>> roles = new ArrayList<>();
        roles.add(FilterManager.class);
        declared.forEach(capability -> roles.add(capability.role()));
        InvocationHandler forward = (proxy, method, args) -> {
            try {
                return method.invoke(full, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), roles.toArray(Class<?>[]::new), forward);
    }
}
