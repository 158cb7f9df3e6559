package fltkit.steps;

import fltkit.spi.Allocation;
import fltkit.spi.BugCheck;
import fltkit.spi.CallbackEvent;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.Registration;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;

import java.util.List;
import java.util.Map;

/** FltRegisterFilter with a FLT_CONTEXT_REGISTRATION array. */
public class RegistrationSteps {
    private final ScenarioState state;
    private final Judge judge;
    private final AllocationSteps allocations;

    public RegistrationSteps(ScenarioState state, Judge judge, AllocationSteps allocations) {
        this.state = state;
        this.judge = judge;
        this.allocations = allocations;
    }

    /**
     * Columns: type (FLT_..._CONTEXT or a number), size (bytes or FLT_VARIABLE_SIZED_CONTEXTS),
     * and optionally flags (0 or NO_EXACT_SIZE_MATCH), callbacks (none, or any of cleanup, allocate,
     * free joined by '+'), tag (four characters).
     */
    @Given("the minifilter registers these context definitions:")
    public void registers(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            state.registering().add(entry(row));
        }
        register(true);
    }

    @Given("the minifilter registers these context definitions without the FLT_CONTEXT_END terminator:")
    public void registersUnterminated(DataTable table) {
        for (Map<String, String> row : table.asMaps()) {
            state.registering().add(entry(row));
        }
        register(false);
    }

    @Given("the minifilter registers a {contextType} definition of {long} bytes")
    public void registersFixed(ContextType type, long size) {
        state.registering().add(ContextRegistration.fixed(type, size));
        register(true);
    }

    @Given("the minifilter registers a variable-size {contextType} definition")
    public void registersVariable(ContextType type) {
        state.registering().add(ContextRegistration.variable(type));
        register(true);
    }

    @Given("the minifilter registers no context definitions")
    public void registersNothing() {
        state.registering().answered(state.fm().registerFilter(null, true));
    }

    private void register(boolean terminated) {
        List<ContextRegistration> entries = state.registering().entries();
        try {
            state.registering().answered(state.callerContract()
                    ? state.breakingContract(() -> state.fm().registerFilter(entries, terminated))
                    : state.fm().registerFilter(entries, terminated));
        } catch (BugCheck bugCheck) {
            // In a CALLER-CONTRACT scenario the registration is the breach: the answer is recorded.
            state.registering().stopped(bugCheck);
        }
    }

    /** The status, and the filter that goes with it: one on success, none (0) on failure. */
    @Then("FltRegisterFilter returns {status}")
    public void registerReturns(NtStatus expected) {
        Registration answer = state.registering().answer(judge);
        judge.status(state.registering().call(), answer.status(), expected);
        if (answer.status().isSuccess()) {
            judge.that(answer.filter() != 0, () -> state.registering().call() + " returned " + answer.status()
                    + " but handed back no filter");
        } else {
            handsBackNoFilter(answer);
        }
    }

    /**
     * Any failure status: used where the documents say the array cannot be registered but name no status (the one
     * returned is recorded).
     */
    @Then("FltRegisterFilter fails and hands back no filter")
    public void registerFails() {
        Registration answer = state.registering().answer(judge);
        judge.that(!answer.status().isSuccess(), () -> state.registering().call() + " returned " + answer.status()
                + ", expected a failure status: the documents allow no such array");
        handsBackNoFilter(answer);
    }

    private void handsBackNoFilter(Registration answer) {
        judge.equal(answer.filter(), 0L, () -> String.format("%s returned %s yet handed back filter 0x%X; a failed registration "
                + "hands back no filter", state.registering().call(), answer.status(), answer.filter()));
    }

    /**
     * Where the documents allow two readings of an array: it is refused (any failure status, no filter), or it is
     * accepted and the first definition of the type in the array is the one that serves. The definitions are told
     * apart by their cleanup routine: the context is released, and its cleanup callback must run exactly when the
     * first definition has one.
     */
    @Then("FltRegisterFilter either fails and hands back no filter, or the first {contextType} definition serves {long} bytes from {pool}")
    public void refusedOrFirstServes(ContextType type, long size, Integer pool) {
        Registration answer = state.registering().answer(judge);
        if (!answer.status().isSuccess()) {
            handsBackNoFilter(answer);
            state.record("FltRegisterFilter", "refused the array: " + answer.status());
            return;
        }
        ContextRegistration first = state.registering().entries().stream().filter(e -> e.contextType() == type.value())
                .findFirst().orElseThrow(() -> judge.kitError("registers no " + type.symbol() + " definition"));
        if (state.registering().entries().stream().filter(e -> e.contextType() == type.value())
                .noneMatch(e -> e.cleanupCallback() != first.cleanupCallback())) {
            throw judge.kitError("needs the " + type.symbol() + " definitions to differ in their cleanup routine");
        }
        state.role(CallbackEvents.class); // the scenario must be tagged for the callbacks it reads
        Allocation allocation = allocations.allocate(type.value(), size, pool);
        judge.status(allocations.lastCall(), allocation.status(), NtStatus.STATUS_SUCCESS);
        long context = allocation.returnedContext();
        int from = state.callbacks().size();
        state.fm().releaseContext(context);
        state.contexts().letGo(context);
        List<CallbackEvent> events = state.callbacks();
        long cleanups = events.subList(from, events.size()).stream()
                .filter(e -> e.kind() == CallbackEvent.Kind.CLEANUP && e.address() == context).count();
        long expected = first.cleanupCallback() ? 1 : 0;
        judge.equal(cleanups, expected, () -> String.format("%s accepted the array, and releasing the context %s handed back ran "
                + "the cleanup callback %d time(s), expected %d: the first %s definition in the array (%s) must be the one used",
                state.registering().call(), allocations.lastCall(), cleanups, expected, type.symbol(), first));
        state.record("FltRegisterFilter", "accepted the array; the first definition served");
    }

    /**
     * A value that is no context type never becomes one: an array naming it is refused (any failure status, no
     * filter), or accepted with the value still refused by FltAllocateContext as an invalid ContextType (ALLOC-006's
     * reading: STATUS_INVALID_PARAMETER or STATUS_NOT_SUPPORTED, nothing handed back).
     */
    @Then("FltRegisterFilter either fails and hands back no filter, or a context of type {typeValue} still cannot be allocated")
    public void refusedOrStillInvalid(Integer type) {
        Registration answer = state.registering().answer(judge);
        if (!answer.status().isSuccess()) {
            handsBackNoFilter(answer);
            state.record("FltRegisterFilter", "refused the array: " + answer.status());
            return;
        }
        Allocation allocation = allocations.allocate(type, 64, fltkit.spi.PoolType.PAGED_POOL);
        judge.statusIn(allocations.lastCall() + ", after " + state.registering().call() + " succeeded,", allocation.status(),
                NtStatus.STATUS_INVALID_PARAMETER, NtStatus.STATUS_NOT_SUPPORTED);
        allocations.nothingHandedBack();
        state.record("FltRegisterFilter", "accepted the array; " + allocations.lastCall() + " returned " + allocation.status());
    }

    @Then("the kit records what FltRegisterFilter returned")
    public void recordRegistration() {
        state.record("FltRegisterFilter status", state.registering().outcome(judge));
    }

    static ContextRegistration entry(Map<String, String> row) {
        String typeText = row.get("type").trim();
        int type = typeText.startsWith("FLT_") ? ContextType.parse(typeText).value() : Integer.decode(typeText);
        String sizeText = row.get("size").trim();
        long size = sizeText.equals("FLT_VARIABLE_SIZED_CONTEXTS") ? ContextRegistration.VARIABLE_SIZED_CONTEXTS
                : sizeText.startsWith("0x") ? Long.parseUnsignedLong(sizeText.substring(2), 16) : Long.parseUnsignedLong(sizeText);
        String flagsText = row.getOrDefault("flags", "0");
        int flags = flagsText == null ? 0 : flagsText.trim().equals("NO_EXACT_SIZE_MATCH")
                ? ContextRegistration.NO_EXACT_SIZE_MATCH : Integer.decode(flagsText.trim());
        String callbacks = row.getOrDefault("callbacks", "none");
        callbacks = callbacks == null ? "none" : callbacks;
        ContextRegistration entry = new ContextRegistration(type, flags, size, 0,
                callbacks.contains("cleanup"), callbacks.contains("allocate"), callbacks.contains("free"));
        String tag = row.get("tag");
        return entry.withPoolTag(tag == null ? defaultTag(type) : tagValue(tag.trim()));
    }

    private static int defaultTag(int type) {
        return tagValue(String.format("Kt%02X", type & 0xFF));
    }

    /** A pool tag as the C compiler stores a four-character literal's bytes: first character lowest. */
    static int tagValue(String text) {
        if (text.equals("0")) {
            return 0;
        }
        int tag = 0;
        for (int i = 0; i < Math.min(4, text.length()); i++) {
            tag |= (text.charAt(i) & 0x7F) << (8 * i);
        }
        return tag;
    }
}
