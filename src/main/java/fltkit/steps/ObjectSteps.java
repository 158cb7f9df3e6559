package fltkit.steps;

import fltkit.spi.ContextObjects;
import fltkit.spi.ContextType;
import fltkit.spi.FilterTeardown;
import fltkit.spi.Transactions;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** The objects contexts hang on, and the events that make them go away. */
public class ObjectSteps {
    static final String FILE_NAME = "\\kit\\data.txt";
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

    @Given("the file is opened a second time")
    public void openAgain() {
        state.objects().secondHandle = open(state.objects().instance);
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
    }

    @When("the filter unloads")
    public void unload() {
        state.role(FilterTeardown.class).unloadFilter(state.registering().filter(judge));
        state.objects().filterUnloaded = true;
    }

    @When("the object of the minifilter's {contextType} begins to be torn down")
    public void teardown(ContextType type) {
        objects().beginObjectTeardown(type, state.objects().target(type, false, judge));
    }
}
