package fltkit.steps;

import fltkit.rules.Recorded;
import fltkit.rules.RuleId;
import fltkit.rules.Tags;
import fltkit.settings.Implementations;
import fltkit.settings.KitSettings;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackEvent;
import fltkit.spi.Capability;
import fltkit.spi.ContextRegistration;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.WindowsVersion;
import io.cucumber.java.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything one scenario knows: the implementation under test (a fresh instance per scenario), the
 * Windows profile, and what the minifilter has done so far. Shared by every step class.
 */
public class World {

    private FilterManagerProvider provider;
    private WindowsVersion version;
    private FilterManager manager;
    private CallTrace trace;
    private Scenario scenario;
    private String ruleId = "?";
    private boolean breakingContract;
    private final List<CallbackEvent> callbackEvents = new ArrayList<>();
    private Set<String> tags = Set.of();

    /** The registration array being built, and what FltRegisterFilter answered. */
    public final List<ContextRegistration> registrations = new ArrayList<>();
    public Registration registration;
    /** The most recent FltAllocateContext answer, and the pool before that call. */
    public Allocation allocation;
    public PoolSnapshot poolBeforeAllocation;
    /** Contexts the scenario named, by name. */
    public final Map<String, Long> contexts = new LinkedHashMap<>();
    /**
     * The references the kit's minifilter holds, one entry per reference (a context appears twice when
     * held twice). Every step that gains a reference (allocate, reference, get, an OldContext handed
     * back) calls {@link #hold}; every release calls {@link #letGo}. The end-of-scenario leak check
     * releases what is still held and then expects every context to be freed.
     */
    public final List<Long> held = new ArrayList<>();
    /** Every context the minifilter ever held a reference to in this scenario: what the leak check inspects. */
    public final Set<Long> seen = new LinkedHashSet<>();

    void begin(Scenario scenario, FilterManagerProvider provider, WindowsVersion version) {
        this.scenario = scenario;
        this.provider = provider;
        this.version = version;
        this.ruleId = RuleId.at(scenario.getName()).orElse(scenario.getName());
        this.tags = Set.copyOf(scenario.getSourceTagNames());
        this.trace = CallTrace.around(provider.create(version), () -> breakingContract, this::ruleId);
        this.manager = trace.proxy();
    }

    void end() {
        if (scenario != null && trace != null && !trace.lines().isEmpty()) {
            scenario.attach(String.join("\n", trace.lines()).getBytes(StandardCharsets.UTF_8), "text/plain",
                    "calls made to " + provider.info().name());
        }
        if (manager != null) {
            manager.close();
        }
    }

    public FilterManager fm() {
        return manager;
    }

    public WindowsVersion version() {
        return version;
    }

    public FilterManagerProvider provider() {
        return provider;
    }

    public boolean declares(Capability capability) {
        return provider.capabilities().contains(capability);
    }

    /** The rule the current scenario checks, taken from the start of its name. */
    public String ruleId() {
        return ruleId;
    }

    /**
     * Whether the scenario checks a CALLER-CONTRACT rule: the minifilter breaks the contract on purpose,
     * so a {@link fltkit.spi.BugCheck} is an acceptable answer there (and only there).
     */
    public boolean callerContract() {
        return tags.contains(Tags.CALLER_CONTRACT);
    }

    /**
     * Every call into the minifilter's context callbacks the implementation reported so far in this
     * scenario, in order. The one place that drains {@link FilterManager#takeCallbackEvents()}, so every
     * step class sees the same calls.
     */
    public List<CallbackEvent> callbackEvents() {
        if (declares(Capability.CALLBACK_EVENTS)) {
            callbackEvents.addAll(manager.takeCallbackEvents());
        }
        return callbackEvents;
    }

    /**
     * Makes a call that breaks the minifilter's side of a documented contract on purpose. Only inside
     * such a call may the implementation answer with a {@link fltkit.spi.BugCheck} (it reaches the
     * caller, which records it); a bug check anywhere else fails the scenario's rule (see CallTrace).
     */
    public <T> T breakingContract(java.util.function.Supplier<T> call) {
        breakingContract = true;
        try {
            return call.get();
        } finally {
            breakingContract = false;
        }
    }

    public void breakingContract(Runnable call) {
        breakingContract(() -> {
            call.run();
            return null;
        });
    }

    /** The registered filter; fails the scenario if registration did not succeed. */
    public long filter() {
        assertThat(registration)
                .withFailMessage("%s: the scenario needs a registered filter, but FltRegisterFilter was not called", ruleId)
                .isNotNull();
        assertThat(registration.status())
                .withFailMessage("%s: FltRegisterFilter with %s returned %s, expected STATUS_SUCCESS (0x00000000)",
                        ruleId, registrations, registration.status())
                .isEqualTo(NtStatus.STATUS_SUCCESS);
        return registration.filter();
    }

    /** A context the scenario named earlier. */
    public long context(String name) {
        Long context = contexts.get(name);
        if (context == null) {
            throw new IllegalStateException("the scenario uses context '" + name + "' before naming it; known: " + contexts.keySet());
        }
        return context;
    }

    public void hold(long context) {
        if (context != 0) {
            held.add(context);
            seen.add(context);
        }
    }

    public void letGo(long context) {
        held.remove(Long.valueOf(context));
    }

    /** Asserts a routine's status, with a message naming the rule, the call, and both statuses. */
    public void expectStatus(String call, NtStatus actual, NtStatus expected) {
        assertThat(actual)
                .withFailMessage("%s violated: %s returned %s, expected %s", ruleId, call, actual, expected)
                .isEqualTo(expected);
    }

    /** Records an implementation-defined observation: shown in the reports, never judged. */
    public void record(String what, String value) {
        String json = "{\"rule\":\"" + escape(ruleId) + "\",\"what\":\"" + escape(what) + "\",\"value\":\""
                + escape(value) + "\",\"profile\":\"" + version.profile() + "\"}";
        scenario.attach(json.getBytes(StandardCharsets.UTF_8), Recorded.MEDIA_TYPE, what);
        scenario.log(what + ": " + value);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

}
