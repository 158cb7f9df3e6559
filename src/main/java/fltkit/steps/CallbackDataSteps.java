package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.NtStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

import static org.assertj.core.api.Assertions.assertThat;

/** FltAllocateCallbackData(Ex), FltFreeCallbackData, FltReuseCallbackData and an I/O issued with the callback data. */
public class CallbackDataSteps {
    private final World world;
    private final Scene scene;
    private String lastCall;
    private CallbackDataResult allocation;
    private NtStatus ioStatus;

    public CallbackDataSteps(World world, Scene scene) {
        this.world = world;
        this.scene = scene;
    }

    @When("the minifilter calls FltAllocateCallbackData for its file object")
    public void allocateForFile() {
        allocate("FltAllocateCallbackData(Instance, FileObject)", () -> world.fm().allocateCallbackData(scene.instance, scene.fileObject));
    }

    @When("the minifilter calls FltAllocateCallbackData for a create")
    public void allocateForCreate() {
        allocate("FltAllocateCallbackData(Instance, FileObject=NULL)", () -> world.fm().allocateCallbackData(scene.instance, 0));
    }

    @When("the minifilter calls FltAllocateCallbackDataEx for its file object with flags {word}")
    public void allocateExForFile(String flags) {
        int value = flags(flags);
        allocate("FltAllocateCallbackDataEx(Instance, FileObject, Flags=" + flags + ")",
                () -> world.fm().allocateCallbackDataEx(scene.instance, scene.fileObject, value));
    }

    @When("the minifilter calls FltAllocateCallbackDataEx for a create with flags {word}")
    public void allocateExForCreate(String flags) {
        int value = flags(flags);
        allocate("FltAllocateCallbackDataEx(Instance, FileObject=NULL, Flags=" + flags + ")",
                () -> world.fm().allocateCallbackDataEx(scene.instance, 0, value));
    }

    @When("the minifilter calls FltAllocateCallbackData with a NULL instance")
    public void allocateWithoutInstance() {
        try {
            CallbackDataResult result = world.breakingContract(() -> world.fm().allocateCallbackData(0, scene.fileObject));
            if (result.status().isSuccess() && result.callbackData() != 0) {
                scene.liveCallbackData.add(result.callbackData());
            }
            world.record("FltAllocateCallbackData(Instance=NULL)", result.status().toString());
        } catch (BugCheck bugCheck) {
            world.record("FltAllocateCallbackData(Instance=NULL)", String.format("bug check 0x%X", bugCheck.code()));
        }
    }

    private static int flags(String text) {
        return text.equals("FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY")
                ? CallbackDataResult.PREALLOCATE_ALL_MEMORY : Integer.decode(text);
    }

    private void allocate(String call, java.util.function.Supplier<CallbackDataResult> routine) {
        lastCall = call;
        allocation = routine.get();
        if (allocation.callbackData() != 0 && allocation.status().isSuccess()) {
            scene.liveCallbackData.add(allocation.callbackData());
        }
    }

    @Given("the pool fails every allocation")
    public void poolExhausted() {
        world.fm().failPoolAllocations(Integer.MAX_VALUE);
    }

    @Given("the pool fails every allocation after the next {int}")
    public void poolExhaustedAfter(int successes) {
        world.fm().failPoolAllocationsAfter(successes, Integer.MAX_VALUE);
    }

    @Given("the pool recovers")
    public void poolRecovers() {
        world.fm().failPoolAllocations(0);
    }

    @Given("the file system fails the next I\\/O for lack of memory")
    public void fileSystemFails() {
        world.fm().failFileSystemIo(1);
    }

    @Then("the callback data allocation returns {status}")
    public void allocationReturns(NtStatus expected) {
        world.expectStatus(lastCall, allocation().status(), expected);
    }

    @Then("callback data is handed back")
    public void handedBack() {
        assertThat(allocation().callbackData()).withFailMessage("%s violated: %s returned %s but handed back NULL callback data",
                world.ruleId(), lastCall, allocation.status()).isNotZero();
    }

    @Then("no callback data is handed back")
    public void nothingHandedBack() {
        assertThat(allocation().callbackData()).withFailMessage("%s violated: %s returned %s yet handed back callback data 0x%X",
                world.ruleId(), lastCall, allocation.status(), allocation.callbackData()).isZero();
    }

    @When("the minifilter performs a synchronous I\\/O with the callback data")
    public void performIo() {
        ioStatus = world.fm().performSynchronousIo(liveCallbackData());
    }

    @Then("the I\\/O returns {status}")
    public void ioReturns(NtStatus expected) {
        world.expectStatus("FltPerformSynchronousIo with " + lastCall.substring(0, lastCall.indexOf('(')) + " callback data", ioStatus, expected);
    }

    @Then("the kit records what the I\\/O returned")
    public void recordIo() {
        world.record("FltPerformSynchronousIo after " + lastCall, ioStatus.toString());
    }

    @When("the minifilter frees the callback data")
    public void free() {
        long data = liveCallbackData();
        world.fm().freeCallbackData(data);
        scene.liveCallbackData.remove(data);
    }

    @When("the minifilter reuses the callback data")
    public void reuse() {
        world.fm().reuseCallbackData(liveCallbackData());
    }

    private long liveCallbackData() {
        assertThat(allocation().callbackData()).withFailMessage("%s: %s returned %s and no callback data, so the scenario cannot go on",
                world.ruleId(), lastCall, allocation.status()).isNotZero();
        return allocation.callbackData();
    }

    private CallbackDataResult allocation() {
        assertThat(allocation).withFailMessage("%s: the scenario checks callback data before allocating it", world.ruleId()).isNotNull();
        return allocation;
    }
}
