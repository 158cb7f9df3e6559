package fltkit.steps;

import fltkit.spi.BugCheck;
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

    public RegistrationSteps(ScenarioState state, Judge judge) {
        this.state = state;
        this.judge = judge;
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

    @Then("FltRegisterFilter returns {status}")
    public void registerReturns(NtStatus expected) {
        judge.status(state.registering().call(), state.registering().answer(judge).status(), expected);
    }

    @Then("FltRegisterFilter fails")
    public void registerFails() {
        Registration answer = state.registering().answer(judge);
        judge.that(!answer.status().isSuccess(), () -> state.registering().call() + " returned " + answer.status()
                + ", expected an error status");
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
                : Long.decode(sizeText);
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
