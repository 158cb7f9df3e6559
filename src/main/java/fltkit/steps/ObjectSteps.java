package fltkit.steps;

import fltkit.spi.ContextType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;

/** The objects contexts hang on, and the events that make them go away. */
public class ObjectSteps {
    static final String FILE_NAME = "\\kit\\data.txt";
    private final World world;
    private final Scene scene;

    public ObjectSteps(World world, Scene scene) {
        this.world = world;
        this.scene = scene;
    }

    @Given("the minifilter's instance is attached to a volume with a file open")
    public void attached() {
        long filter = world.filter();
        scene.volume = world.fm().mountVolume();
        scene.mountedVolumes.add(scene.volume);
        scene.instance = world.fm().attachInstance(filter, scene.volume);
        scene.fileObject = open(scene.instance);
    }

    @Given("the minifilter also has an instance on a second volume with a file open")
    public void secondSet() {
        long filter = world.filter();
        scene.otherVolume = world.fm().mountVolume();
        scene.mountedVolumes.add(scene.otherVolume);
        scene.otherInstance = world.fm().attachInstance(filter, scene.otherVolume);
        scene.otherFileObject = open(scene.otherInstance);
    }

    @Given("the file is opened a second time")
    public void openAgain() {
        scene.secondHandle = open(scene.instance);
    }

    private long open(long instance) {
        long fileObject = world.fm().openFile(instance, FILE_NAME, null);
        scene.openFileObjects.add(fileObject);
        return fileObject;
    }

    @When("the minifilter's file object is closed")
    public void closeFileObject() {
        close(scene.fileObject);
    }

    @When("the second file object is closed")
    public void closeSecond() {
        close(scene.secondHandle);
    }

    private void close(long fileObject) {
        world.fm().closeFile(fileObject);
        scene.openFileObjects.remove(fileObject);
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
        scene.target(ContextType.TRANSACTION, false);
        world.fm().endTransaction(scene.transaction, commit);
        scene.activeTransactions.remove(scene.transaction);
    }

    @When("the instance detaches from the volume")
    public void detach() {
        world.fm().detachInstance(scene.instance);
    }

    @When("the volume is dismounted")
    public void dismount() {
        world.fm().dismountVolume(scene.volume);
        scene.mountedVolumes.remove(scene.volume);
        scene.openFileObjects.remove(scene.fileObject);
        scene.openFileObjects.remove(scene.secondHandle);
    }

    @When("the filter unloads")
    public void unload() {
        long filter = world.filter();
        world.fm().unloadFilter(filter);
        scene.filterUnloaded = true;
    }

    @When("the object of the minifilter's {contextType} begins to be torn down")
    public void teardown(ContextType type) {
        world.fm().beginObjectTeardown(type, scene.target(type, false));
    }
}
