package fltkit.steps;

import fltkit.spi.BugCheck;
import fltkit.spi.ContextRegistration;
import fltkit.spi.NtStatus;
import fltkit.spi.Registration;

import java.util.ArrayList;
import java.util.List;

/** The minifilter's FLT_CONTEXT_REGISTRATION array and what FltRegisterFilter answered. */
public final class Registering {
    private final List<ContextRegistration> entries = new ArrayList<>();
    private Registration answer;
    private BugCheck stopped;

    void add(ContextRegistration entry) {
        entries.add(entry);
    }

    public List<ContextRegistration> entries() {
        return List.copyOf(entries);
    }

    void answered(Registration registration) {
        answer = registration;
    }

    /** A CALLER-CONTRACT scenario's FltRegisterFilter stopped the machine instead of answering. */
    void stopped(BugCheck bugCheck) {
        stopped = bugCheck;
    }

    /** What FltRegisterFilter answered, as the reports show it (a bug check included). */
    String outcome(Judge judge) {
        return stopped != null ? stopped.getMessage() : answer(judge).status().toString();
    }

    Registration answer(Judge judge) {
        return judge.known(answer, "checks FltRegisterFilter's answer before registering");
    }

    /** The call, as messages name it. */
    String call() {
        return "FltRegisterFilter with " + entries;
    }

    /** The registered filter: the scenario's precondition that FltRegisterFilter succeeded. */
    public long filter(Judge judge) {
        Registration registration = judge.known(answer, "needs a registered filter before a step registered one");
        judge.precondition(registration.status().equals(NtStatus.STATUS_SUCCESS),
                () -> call() + " returned " + registration.status() + ", expected STATUS_SUCCESS (0x00000000)");
        return registration.filter();
    }

    /** Whether a filter is registered (for giving everything back at the end). */
    boolean registered() {
        return answer != null && answer.status().isSuccess() && answer.filter() != 0;
    }

    long registeredFilter() {
        return answer.filter();
    }
}
