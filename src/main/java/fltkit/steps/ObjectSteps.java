package fltkit.steps;

import fltkit.spi.ContextObjects;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterTeardown;
import fltkit.spi.NtStatus;
import fltkit.spi.Registration;
import fltkit.spi.Transactions;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/**
 * The objects contexts hang on, and the events that make them go away. Besides the minifilter's own volume,
 * instance and file object there is at most one set of "other objects": a second volume, a second instance on
 * the same volume, or another filter's instance on the same volume, each with the file open through it.
 */
public class ObjectSteps {
    static final String FILE_NAME = "\\kit\\data.txt";
    static final String NAMED_STREAM = "kit-notes";
    private final ScenarioState state;
    private final Judge judge;

    public ObjectSteps(ScenarioState state, Judge judge) {
        this.state = state;
        this.judge = judge;
    }

    private ContextObjects objects() {
        return state.role(ContextObjects.class);
    }

    @Given("the minifilter's instance is attached to a volume with a file open")
    public void attached() {
        long filter = state.registering().filter(judge);
        MinifilterObjects mine = state.objects();
        mine.volume = objects().mountVolume();
        mine.mountedVolumes.add(mine.volume);
        mine.instance = objects().attachInstance(filter, mine.volume);
        mine.fileObject = open(mine.instance);
    }

    @Given("the minifilter also has an instance on a second volume with a file open")
    public void secondSet() {
        long filter = state.registering().filter(judge);
        MinifilterObjects mine = state.objects();
        mine.otherVolume = objects().mountVolume();
        mine.mountedVolumes.add(mine.otherVolume);
        mine.otherInstance = objects().attachInstance(filter, mine.otherVolume);
        mine.otherFileObject = open(mine.otherInstance);
    }

    @Given("the minifilter also has a second instance on the same volume with the file open")
    public void secondInstance() {
        long filter = state.registering().filter(judge);
        MinifilterObjects mine = state.objects();
        mine.otherVolume = mine.volume;
        mine.otherInstance = objects().attachInstance(filter, mine.volume);
        mine.otherFileObject = open(mine.otherInstance);
    }

    /** A second filter, registered with the minifilter's own definitions; the other objects are its. */
    @Given("another filter with the same definitions has an instance on the volume with the file open")
    public void anotherFilter() {
        MinifilterObjects mine = state.objects();
        state.registering().filter(judge);
        Registration registration = state.fm().registerFilter(state.registering().entries(), true);
        judge.precondition(registration.status().equals(NtStatus.STATUS_SUCCESS) && registration.filter() != 0,
                () -> "a second FltRegisterFilter with the same definitions returned " + registration.status()
                        + ", expected STATUS_SUCCESS (0x00000000) and a filter");
        mine.otherFilter = registration.filter();
        mine.otherVolume = mine.volume;
        mine.otherInstance = objects().attachInstance(mine.otherFilter, mine.volume);
        mine.otherFileObject = open(mine.otherInstance);
    }

    @Given("the file is opened a second time")
    public void openAgain() {
        state.objects().secondHandle = open(state.objects().instance);
    }

    /** The file's named stream, opened through the minifilter's instance: it stands where a second handle would. */
    @Given("a named stream of the file is opened")
    public void openNamedStream() {
        long fileObject = objects().openFile(state.objects().instance, FILE_NAME, NAMED_STREAM);
        state.objects().openFileObjects.add(fileObject);
        state.objects().secondHandle = fileObject;
    }

    private long open(long instance) {
        long fileObject = objects().openFile(instance, FILE_NAME, null);
        state.objects().openFileObjects.add(fileObject);
        return fileObject;
    }

    @When("the minifilter's file object is closed")
    public void closeFileObject() {
        close(state.objects().fileObject);
    }

    @When("the second file object is closed")
    public void closeSecond() {
        close(state.objects().secondHandle);
    }

    private void close(long fileObject) {
        objects().closeFile(fileObject);
        state.objects().openFileObjects.remove(fileObject);
    }

    @When("the transaction commits")
    public void commit() {
        endTransaction(true);
    }

    @When("the transaction rolls back")
    public void rollBack() {
        endTransaction(false);
    }

    private void endTransaction(boolean commit) {
        long transaction = state.objects().transaction(false);
        state.role(Transactions.class).endTransaction(transaction, commit);
        state.objects().activeTransactions.remove(transaction);
    }

    @When("the instance detaches from the volume")
    public void detach() {
        objects().detachInstance(state.objects().instance);
    }

    @When("the volume is dismounted")
    public void dismount() {
        MinifilterObjects mine = state.objects();
        objects().dismountVolume(mine.volume);
        mine.mountedVolumes.remove(mine.volume);
        mine.openFileObjects.remove(mine.fileObject);
        mine.openFileObjects.remove(mine.secondHandle);
        if (mine.otherVolume == mine.volume) {
            mine.openFileObjects.remove(mine.otherFileObject);
        }
    }

    @When("the filter unloads")
    public void unload() {
        state.role(FilterTeardown.class).unloadFilter(state.registering().filter(judge));
        state.objects().filterUnloaded = true;
    }

    @When("the minifilter's instance begins to be torn down")
    public void instanceTeardown() {
        objects().beginObjectTeardown(ContextType.INSTANCE, ContextTarget.instance(state.objects().instance));
    }

    @When("the object of the minifilter's {contextType} begins to be torn down")
    public void teardown(ContextType type) {
        objects().beginObjectTeardown(type, state.objects().target(type, false, judge));
    }
}
