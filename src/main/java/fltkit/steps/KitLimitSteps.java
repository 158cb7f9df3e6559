package fltkit.steps;

import fltkit.rules.Outcome;
import io.cucumber.java.en.Given;
import org.opentest4j.TestAbortedException;

/** The single step of an UNTESTABLE rule's scenario: it says why, and the scenario is skipped as untestable. */
public class KitLimitSteps {

    @Given("^the kit cannot observe this: (.+)$")
    public void cannotObserve(String reason) {
        throw new TestAbortedException(Outcome.UNTESTABLE.marker() + " " + reason);
    }
}
