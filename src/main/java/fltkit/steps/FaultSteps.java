package fltkit.steps;

import io.cucumber.java.en.Given;

/** The conditions the documented failure statuses name: teardown, exhausted pool, a limited file system. */
public class FaultSteps {
    private final World world;

    public FaultSteps(World world) {
        this.world = world;
    }

    @Given("the filter manager has begun tearing the filter down")
    public void teardownBegun() {
        world.fm().beginFilterTeardown(world.filter());
    }

    @Given("the pool fails the next {int} allocation(s)")
    public void poolFails(int count) {
        world.fm().failPoolAllocations(count);
    }

    @Given("the file system does not support per-stream contexts")
    public void noPerStreamContexts() {
        world.fm().setPerStreamContextSupport(false);
    }

    @Given("the minifilter's allocate routine returns NULL the next {int} time(s)")
    public void allocateRoutineFails(int count) {
        world.fm().failAllocateCallback(count);
    }
}
