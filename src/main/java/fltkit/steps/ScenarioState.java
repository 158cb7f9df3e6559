package fltkit.steps;

import fltkit.rules.BrokenImplementation;
import fltkit.rules.KitError;
import fltkit.rules.Level;
import fltkit.rules.Recorded;
import fltkit.rules.RuleId;
import fltkit.rules.Tags;
import fltkit.settings.KitSettings;
import fltkit.spi.CallbackEvent;
import fltkit.spi.CallbackEvents;
import fltkit.spi.Capability;
import fltkit.spi.FilterManager;
import fltkit.spi.FilterManagerProvider;
import fltkit.spi.WindowsVersion;
import io.cucumber.java.Scenario;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything one scenario knows, in typed parts: the implementation under test (a fresh instance per
 * scenario, reached only through {@link #fm()} and {@link #role}), the rule the scenario checks, and what
 * the kit's minifilter has done so far ({@link #registering()}, {@link #contexts()}, {@link #objects()},
 * {@link #answer()}, {@link #callbacks()}). One instance per scenario, shared by every step class.
 */
public class ScenarioState {
    /** The start of the call trace attachment's name (the report counts the calls it lists). */
    static final String CALL_TRACE = "calls made to ";
    private final Registering registering = new Registering();
    private final HeldContexts contexts = new HeldContexts();
    private final MinifilterObjects objects = new MinifilterObjects(this);
    private final LastAnswer answer = new LastAnswer();
    private final List<CallbackEvent> callbackEvents = new ArrayList<>();

    private Scenario scenario;
    private FilterManagerProvider provider;
    private WindowsVersion version;
    private String ruleId = "?";
    private Level level = Level.MUST;
    private Set<String> tags = Set.of();
    private CallTrace trace;
    private FilterManager manager;
    private Set<Capability> capabilities = Set.of();
    private boolean breakingContract;

    /** Names the scenario's rule and level from its name and tags; the implementation comes with {@link #start}. */
    void describe(Scenario scenario, Level level) {
        this.scenario = scenario;
        this.ruleId = RuleId.at(scenario.getName()).orElse(scenario.getName());
        this.level = level;
        this.tags = Set.copyOf(scenario.getSourceTagNames());
    }

    /** Makes the scenario's filter manager, under the call time limit; returns the roles it implements. */
    Set<Capability> start(FilterManagerProvider provider, WindowsVersion version) {
        this.provider = provider;
        this.version = version;
        FilterManager created;
        try {
            created = CallRunner.current().call(provider.getClass().getName() + ".create(" + version.profile() + ")",
                    KitSettings.callTimeout(), () -> provider.create(version));
        } catch (BrokenImplementation hung) {
            throw hung;
        } catch (Throwable thrown) {
            throw new BrokenImplementation("the provider threw " + thrown.getClass().getName() + " from create("
                    + version.profile() + "): " + thrown.getMessage(), thrown);
        }
        if (created == null) {
            throw new BrokenImplementation(provider.getClass().getName() + ".create(" + version.profile()
                    + ") returned null; the SPI promises a fresh FilterManager");
        }
        capabilities = Capability.of(created);
        trace = CallTrace.around(created, KitSettings.callTimeout(), () -> breakingContract, ruleId);
        manager = trace.view(capabilities);
        return capabilities;
    }

    /** Attaches the call trace to the scenario and closes the filter manager (unless a call of it hung). */
    void end() {
        if (scenario != null && trace != null && !trace.lines().isEmpty()) {
            scenario.attach(String.join("\n", trace.lines()).getBytes(StandardCharsets.UTF_8), "text/plain",
                    CALL_TRACE + provider.info().name());
        }
        if (manager != null && !trace.abandoned()) {
            manager.close();
        }
    }

    /** The implementation's five core routines. */
    public FilterManager fm() {
        if (manager == null) {
            throw new KitError(ruleId + ": the scenario calls the implementation before it was created");
        }
        return manager;
    }

    /**
     * The implementation in one of its roles. A scenario reaching a role the implementation lacks is the
     * kit's mistake: its {@code @needs:} tag is missing, so the gate let it run.
     */
    public <T> T role(Class<T> role) {
        if (!role.isInstance(fm())) {
            throw new KitError(ruleId + ": the scenario uses " + role.getSimpleName() + " but is not tagged "
                    + Tags.NEEDS + capabilityOf(role) + "; tag it so implementations without the role get 'not declared'");
        }
        return role.cast(manager);
    }

    private static String capabilityOf(Class<?> role) {
        for (Capability capability : Capability.values()) {
            if (capability.role() == role) {
                return capability.tag();
            }
        }
        return role.getSimpleName();
    }

    public boolean declares(Capability capability) {
        return capabilities.contains(capability);
    }

    /** Whether the scenario's filter manager was created (scenarios skipped at the gate have none). */
    boolean started() {
        return manager != null;
    }

    /** True once a call hung: the filter manager is given up. */
    boolean abandoned() {
        return trace != null && trace.abandoned();
    }

    public WindowsVersion version() {
        return version;
    }

    /** The rule the scenario checks, from the start of its name. */
    public String ruleId() {
        return ruleId;
    }

    public Level level() {
        return level;
    }

    public boolean tagged(String tag) {
        return tags.contains(tag);
    }

    /** Whether the scenario checks a CALLER-CONTRACT rule (the minifilter breaks its side on purpose). */
    public boolean callerContract() {
        return level == Level.CALLER_CONTRACT;
    }

    public Registering registering() {
        return registering;
    }

    public HeldContexts contexts() {
        return contexts;
    }

    public MinifilterObjects objects() {
        return objects;
    }

    public LastAnswer answer() {
        return answer;
    }

    /**
     * Every call into the minifilter's context callbacks the implementation reported so far in this
     * scenario, in order: the one place that drains them, so every step sees the same calls.
     */
    public List<CallbackEvent> callbacks() {
        if (declares(Capability.CALLBACK_EVENTS)) {
            callbackEvents.addAll(role(CallbackEvents.class).takeCallbackEvents());
        }
        return callbackEvents;
    }

    /**
     * Makes a call that breaks the minifilter's side of a documented contract on purpose. Only inside such
     * a call may the implementation answer with a {@link fltkit.spi.BugCheck}; anywhere else a bug check
     * fails the scenario's rule (see {@link CallTrace}).
     */
    public <T> T breakingContract(Supplier<T> call) {
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

    /** Records an implementation-defined observation: shown in the reports, never judged. */
    public void record(String what, String value) {
        String json = "{\"rule\":\"" + Json.escape(ruleId) + "\",\"what\":\"" + Json.escape(what) + "\",\"value\":\""
                + Json.escape(value) + "\",\"profile\":\"" + version.profile() + "\"}";
        scenario.attach(json.getBytes(StandardCharsets.UTF_8), Recorded.MEDIA_TYPE, what);
        scenario.log(what + ": " + value);
    }
}
