package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.CallbackData;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.NtStatus;
import fltkit.steps.LastAnswer.Routine;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import java.util.function.Supplier;

/** FltAllocateCallbackData(Ex), FltFreeCallbackData, FltReuseCallbackData and an I/O issued with the callback data. */
public class CallbackDataSteps {
    private final ScenarioState state;
    private final Judge judge;

    public CallbackDataSteps(ScenarioState state, Judge judge) {
        this.state = state;
        this.judge = judge;
    }

    private CallbackData data() {
        return state.role(CallbackData.class);
    }

    @When("the minifilter calls FltAllocateCallbackData for its file object")
    public void allocateForFile() {
        allocate("FltAllocateCallbackData(Instance, FileObject)",
                () -> data().allocateCallbackData(state.objects().instance, state.objects().fileObject));
    }

    @When("the minifilter calls FltAllocateCallbackData for a create")
    public void allocateForCreate() {
        allocate("FltAllocateCallbackData(Instance, FileObject=NULL)", () -> data().allocateCallbackData(state.objects().instance, 0));
    }

    @When("the minifilter calls FltAllocateCallbackDataEx for its file object with flags {word}")
    public void allocateExForFile(String flags) {
        int value = flags(flags);
        allocate("FltAllocateCallbackDataEx(Instance, FileObject, Flags=" + flags + ")",
                () -> data().allocateCallbackDataEx(state.objects().instance, state.objects().fileObject, value));
    }

    @When("the minifilter calls FltAllocateCallbackDataEx for a create with flags {word}")
    public void allocateExForCreate(String flags) {
        int value = flags(flags);
        allocate("FltAllocateCallbackDataEx(Instance, FileObject=NULL, Flags=" + flags + ")",
                () -> data().allocateCallbackDataEx(state.objects().instance, 0, value));
    }

    @When("the minifilter calls FltAllocateCallbackData with a NULL instance")
    public void allocateWithoutInstance() {
        try {
            CallbackDataResult result = state.breakingContract(() -> data().allocateCallbackData(0, state.objects().fileObject));
            if (result.status().isSuccess() && result.callbackData() != 0) {
                state.objects().liveCallbackData.add(result.callbackData());
            }
            state.record("FltAllocateCallbackData(Instance=NULL)", result.status().toString());
        } catch (BugCheck bugCheck) {
            state.record("FltAllocateCallbackData(Instance=NULL)", String.format("bug check 0x%X", bugCheck.code()));
        }
    }

    /** Flags the FltAllocateCallbackDataEx page does not name: the call is outside the caller's contract, the answer is recorded. */
    @When("the minifilter calls FltAllocateCallbackDataEx for its file object with the undocumented flags {word}")
    public void allocateExWithUndocumentedFlags(String flags) {
        int value = flags(flags);
        String call = "FltAllocateCallbackDataEx(Instance, FileObject, Flags=" + flags + ")";
        try {
            CallbackDataResult result = state.breakingContract(
                    () -> data().allocateCallbackDataEx(state.objects().instance, state.objects().fileObject, value));
            if (result.callbackData() != 0 && result.status().isSuccess()) {
                state.objects().liveCallbackData.add(result.callbackData());
            }
            state.record(call, result.status() + (result.callbackData() != 0 ? ", with callback data" : ", no callback data"));
        } catch (BugCheck bugCheck) {
            state.record(call, String.format("bug check 0x%X", bugCheck.code()));
        }
    }

    private static int flags(String text) {
        return text.equals("FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY")
                ? CallbackDataResult.PREALLOCATE_ALL_MEMORY : (int) Long.decode(text).longValue();
    }

    private void allocate(String call, Supplier<CallbackDataResult> routine) {
        CallbackDataResult allocation = routine.get();
        state.answer().answered(Routine.ALLOCATE_CALLBACK_DATA, call, allocation);
        if (allocation.callbackData() != 0 && allocation.status().isSuccess()) {
            state.objects().liveCallbackData.add(allocation.callbackData());
        }
    }

    @Given("the file system fails the next I\\/O for lack of memory")
    public void fileSystemFails() {
        data().failFileSystemIo(1);
    }

    @Then("the callback data allocation returns {status}")
    public void allocationReturns(NtStatus expected) {
        judge.status(lastCall(), allocation().status(), expected);
    }

    @Then("callback data is handed back")
    public void handedBack() {
        CallbackDataResult allocation = allocation();
        judge.that(allocation.callbackData() != 0, () -> lastCall() + " returned " + allocation.status()
                + " but handed back NULL callback data");
    }

    @Then("no callback data is handed back")
    public void nothingHandedBack() {
        CallbackDataResult allocation = allocation();
        judge.equal(allocation.callbackData(), 0L, () -> String.format("%s returned %s yet handed back callback data 0x%X",
                lastCall(), allocation.status(), allocation.callbackData()));
    }

    @When("the minifilter performs a synchronous I\\/O with the callback data")
    public void performIo() {
        long data = liveCallbackData();
        String call = "FltPerformSynchronousIo with " + lastCall().substring(0, lastCall().indexOf('(')) + " callback data";
        state.answer().answered(Routine.SYNCHRONOUS_IO, call, data().performSynchronousIo(data));
    }

    @Then("the I\\/O returns {status}")
    public void ioReturns(NtStatus expected) {
        judge.status(state.answer().call(Routine.SYNCHRONOUS_IO, judge),
                state.answer().of(Routine.SYNCHRONOUS_IO, NtStatus.class, judge), expected);
    }

    @Then("the kit records what the I\\/O returned")
    public void recordIo() {
        state.record("FltPerformSynchronousIo after " + lastCall(),
                state.answer().of(Routine.SYNCHRONOUS_IO, NtStatus.class, judge).toString());
    }

    @When("the minifilter frees the callback data")
    public void free() {
        long data = liveCallbackData();
        data().freeCallbackData(data);
        state.objects().liveCallbackData.remove(data);
    }

    @When("the minifilter reuses the callback data")
    public void reuse() {
        data().reuseCallbackData(liveCallbackData());
    }

    private long liveCallbackData() {
        CallbackDataResult allocation = allocation();
        judge.precondition(allocation.callbackData() != 0, () -> lastCall() + " returned " + allocation.status()
                + " and no callback data");
        return allocation.callbackData();
    }

    private String lastCall() {
        return state.answer().call(Routine.ALLOCATE_CALLBACK_DATA, judge);
    }

    private CallbackDataResult allocation() {
        return state.answer().of(Routine.ALLOCATE_CALLBACK_DATA, CallbackDataResult.class, judge);
    }
}
