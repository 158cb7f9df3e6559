package fltkit.selftest;

import fltkit.reference.ReferenceFilterManager;
import fltkit.reference.ReferenceProvider;
import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A broken implementation: the reference with a few routines replaced, written to break one rule (its
 * target). The self-test runs it in its profile and demands that the target's scenarios fail with a
 * message that says what the mutant does, while every scenario of a rule it does not name ends as it does
 * against the reference.
 */
public final class Mutant {
    private final String name;
    private final String target;
    private final List<String> alsoFails;
    private final List<String> says;
    private final WindowsVersion profile;
    private final boolean othersMayFail;
    private final Set<Capability> dropped;
    private final Map<String, Routines.Call> replaced;
    private final Consumer<Instance> perScenario;
    private final Function<WindowsVersion, ReferenceFilterManager> over;

    private Mutant(Builder b) {
        name = b.name;
        target = b.target;
        alsoFails = List.copyOf(b.alsoFails);
        says = List.copyOf(b.says);
        profile = b.profile;
        othersMayFail = b.othersMayFail;
        dropped = b.dropped.isEmpty() ? Set.of() : EnumSet.copyOf(b.dropped);
        replaced = Map.copyOf(b.replaced);
        perScenario = b.perScenario;
        over = b.over;
    }

    /** The reference the mutant wraps: a broken one of its own, or {@code standard}. */
    public ReferenceFilterManager reference(WindowsVersion version, Supplier<ReferenceFilterManager> standard) {
        return over == null ? standard.get() : over.apply(version);
    }

    /** A new entry of a mutant table. */
    public static Builder mutant(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /**
     * The rule the mutant was written to break: at least one of its scenarios must fail. Every table entry
     * names one; a test's own ad-hoc implementation (one that declares less, or throws) need not.
     */
    public String target() {
        return target;
    }

    /** The target, then the other rules whose scenarios may fail as well. */
    public List<String> rules() {
        List<String> rules = new ArrayList<>();
        if (target != null) {
            rules.add(target);
        }
        rules.addAll(alsoFails);
        return rules;
    }

    /** Text every failure message of the target's scenarios must contain (beyond the rule ID). */
    public List<String> says() {
        return says;
    }

    public WindowsVersion profile() {
        return profile;
    }

    /**
     * True when the broken behaviour is one every rule that observes reference counts sees (KIT-LEAK-001
     * reports it after each scenario): other rules' scenarios may then fail too, but never break or skip.
     */
    public boolean othersMayFail() {
        return othersMayFail;
    }

    /**
     * The routines this mutant answers differently from the reference, when that is all it changes: empty when it
     * drops a role (the scenarios it gates change) or runs over a broken reference. A scenario that calls none of these routines gets the
     * reference's answers to every call it makes, so it ends as against the reference. A mutant over a reference
     * broken inside ({@link Builder#over}) answers every routine its own way, so it has no such set either. A mutant with state per
     * scenario says what it replaces only when a filter manager is made, so it is asked on one made for the
     * purpose: {@link Instance} lets it replace routines and keep state, never call the reference while it is
     * being configured, and what it replaces depends on nothing but the profile.
     */
    public Optional<Set<String>> onlyReplaces() {
        if (!dropped.isEmpty() || over != null) {
            return Optional.empty();
        }
        if (perScenario == null) {
            return Optional.of(replaced.keySet());
        }
        Instance probe = new Instance((ReferenceFilterManager) new ReferenceProvider().create(profile), profile);
        probe.replaced.putAll(replaced);
        perScenario.accept(probe);
        return Optional.of(Set.copyOf(probe.replaced.keySet()));
    }

    /** The filter manager one scenario gets: the reference's roles (less any dropped) over the reference. */
    public FilterManager create(ReferenceFilterManager reference, WindowsVersion version) {
        Map<String, Routines.Call> calls = replaced;
        if (perScenario != null) {
            Instance instance = new Instance(reference, version);
            instance.replaced.putAll(replaced);
            perScenario.accept(instance);
            calls = Map.copyOf(instance.replaced);
        }
        Set<Capability> roles = Capability.of(reference);
        roles.removeAll(dropped);
        List<Class<?>> interfaces = new ArrayList<>();
        interfaces.add(FilterManager.class);
        roles.forEach(role -> interfaces.add(role.role()));
        Map<String, Routines.Call> answers = calls;
        return (FilterManager) Proxy.newProxyInstance(FilterManager.class.getClassLoader(), interfaces.toArray(Class<?>[]::new),
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        switch (method.getName()) {
                            case "equals": return proxy == args[0];
                            case "hashCode": return System.identityHashCode(proxy);
                            default: return "mutant " + name;
                        }
                    }
                    Routines.Call call = answers.get(method.getName());
                    if (call != null) {
                        return call.answer(reference, args == null ? new Object[0] : args);
                    }
                    try {
                        return method.invoke(reference, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public String toString() {
        return name + " breaks " + target;
    }

    /** Builds a table entry: what the mutant breaks and says, then the routines it replaces. */
    public static final class Builder extends Routines<Builder> {
        private final String name;
        private String target;
        private final List<String> alsoFails = new ArrayList<>();
        private final List<String> says = new ArrayList<>();
        private WindowsVersion profile = WindowsVersion.WIN11;
        private boolean othersMayFail;
        private final Set<Capability> dropped = EnumSet.noneOf(Capability.class);
        private Consumer<Instance> perScenario;
        private Function<WindowsVersion, ReferenceFilterManager> over;

        private Builder(String name) {
            this.name = name;
        }

        @Override
        Builder self() {
            return this;
        }

        /** The rule the mutant is written to break. */
        public Builder breaks(String rule) {
            target = rule;
            return this;
        }

        /** Other rules whose scenarios see the same misbehaviour and may fail too. */
        public Builder alsoFails(String... rules) {
            alsoFails.addAll(List.of(rules));
            return this;
        }

        /** Text each failure message of the target's scenarios must contain. */
        public Builder says(String... fragments) {
            says.addAll(List.of(fragments));
            return this;
        }

        /** The Windows profile to run in (win11 unless said). */
        public Builder in(String profileName) {
            profile = WindowsVersion.fromProfile(profileName);
            return this;
        }

        /** Every rule may fail (never break or skip): see {@link Mutant#othersMayFail()}. */
        public Builder othersMayFail() {
            othersMayFail = true;
            return this;
        }

        /** Declares less than the reference: the filter manager does not implement these roles. */
        public Builder without(Capability... roles) {
            dropped.addAll(List.of(roles));
            return this;
        }

        /**
         * For a mutant with state (a counter, a map of file objects): {@code configure} runs once per
         * scenario's filter manager, so state it declares lives as long as that filter manager, and it
         * replaces routines on the instance it is given.
         */
        public Builder perScenario(Consumer<Instance> configure) {
            perScenario = configure;
            return this;
        }

        /**
         * Over a reference broken inside (made by {@code fltkit.reference.BrokenInside}), for breakage no
         * wrapper around the SPI can produce, such as memory shared between pools.
         */
        public Builder over(Function<WindowsVersion, ReferenceFilterManager> brokenReference) {
            over = brokenReference;
            return this;
        }

        public Mutant build() {
            return new Mutant(this);
        }
    }

    /** The routines of one scenario's filter manager, for mutants with state; also offers common state. */
    public static final class Instance extends Routines<Instance> {
        private final ReferenceFilterManager reference;
        private final WindowsVersion version;

        private Instance(ReferenceFilterManager reference, WindowsVersion version) {
            this.reference = reference;
            this.version = version;
        }

        @Override
        Instance self() {
            return this;
        }

        public WindowsVersion version() {
            return version;
        }

        /** Remembers the entries of every successful registration (replaces registerFilter). */
        public Registrations remembersRegistrations() {
            Registrations registered = new Registrations();
            registerFilter((ref, registrations, terminated) -> {
                Registration registration = ref.registerFilter(registrations, terminated);
                if (registration.status().isSuccess() && registrations != null) {
                    registered.entries.addAll(registrations);
                }
                return registration;
            });
            return registered;
        }

        /** Remembers whether the file system supports per-stream contexts (replaces setPerStreamContextSupport). */
        public PerStreamSwitch remembersPerStreamSupport() {
            PerStreamSwitch support = new PerStreamSwitch(reference);
            setPerStreamContextSupport((ref, supported) -> {
                support.supported = supported;
                ref.setPerStreamContextSupport(supported);
            });
            return support;
        }
    }

    /** The definitions the minifilter registered, in array order. */
    public static final class Registrations {
        private final List<ContextRegistration> entries = new ArrayList<>();

        public List<ContextRegistration> of(int contextType) {
            return entries.stream().filter(e -> e.contextType() == contextType).toList();
        }

        /** A variable-size definition of the type that the filter manager allocates itself. */
        public boolean hasVariable(int contextType) {
            return of(contextType).stream().anyMatch(e -> e.isVariableSize() && !e.allocateCallback());
        }

        public boolean hasAllocateRoutine(int contextType) {
            return of(contextType).stream().anyMatch(ContextRegistration::allocateCallback);
        }
    }

    /** Whether the scenario switched per-stream context support off, and a way to act as if it had not. */
    public static final class PerStreamSwitch {
        private final ReferenceFilterManager reference;
        private boolean supported = true;

        private PerStreamSwitch(ReferenceFilterManager reference) {
            this.reference = reference;
        }

        public boolean supported() {
            return supported;
        }

        /** Runs the call with per-stream support switched on underneath, whatever the scenario set. */
        public <T> T asIfSupported(Supplier<T> call) {
            if (supported) {
                return call.get();
            }
            reference.setPerStreamContextSupport(true);
            try {
                return call.get();
            } finally {
                reference.setPerStreamContextSupport(false);
            }
        }
    }
}
