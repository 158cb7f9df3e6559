package fltkit.explore;

import fltkit.spi.Capability;
import fltkit.spi.NtStatus;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** FltAllocateCallbackData(Ex), an I/O through the callback data, FltReuseCallbackData and FltFreeCallbackData. */
final class CallbackDataActions {
    private CallbackDataActions() {
    }

    private static final Action.Line EXHAUST = Action.Line.given("the pool fails every allocation");
    private static final Action.Line RECOVER = Action.Line.given("the pool recovers");

    private static boolean usable(Side ref, Action.Env env) {
        return env.has(Capability.CALLBACK_DATA) && env.has(Capability.OBJECTS) && !Reach.gone(ref);
    }

    private static List<Action.Line> around(boolean exhausted, Action.Line line) {
        return exhausted ? List.of(EXHAUST, line, RECOVER) : List.of(line);
    }

    private static Set<Capability> needs(boolean exhausted) {
        Set<Capability> needs = EnumSet.of(Capability.CALLBACK_DATA, Capability.OBJECTS);
        if (exhausted) {
            needs.add(Capability.POOL_FAULTS);
        }
        return needs;
    }

    /** FltAllocateCallbackData, or Ex with Flags 0 or PREALLOCATE_ALL_MEMORY; with or without the pool exhausted. */
    record Allocate(boolean forFile, boolean ex, boolean preallocate, boolean exhausted) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return usable(ref, env) && (!forFile || ref.openFileObjects.contains(ref.fileObject))
                    && (!ex || env.version().atLeast(WindowsVersion.WIN7)) && (!preallocate || ex)
                    && (!exhausted || env.has(Capability.POOL_FAULTS));
        }

        @Override
        public boolean perform(Side side) {
            if (exhausted) {
                side.poolFailsEveryAllocation();
            }
            side.allocateCallbackData(forFile, ex, preallocate ? fltkit.spi.CallbackDataResult.PREALLOCATE_ALL_MEMORY : 0);
            if (exhausted) {
                side.poolRecovers();
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            String what = forFile ? "its file object" : "a create";
            String text = ex ? "the minifilter calls FltAllocateCallbackDataEx for " + what + " with flags "
                    + (preallocate ? "FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY" : "0")
                    : "the minifilter calls FltAllocateCallbackData for " + what;
            return around(exhausted, Line.when(text));
        }

        @Override
        public int checkPoint() {
            return exhausted ? 2 : 1;
        }

        @Override
        public Set<Capability> needs() {
            return CallbackDataActions.needs(exhausted);
        }

        @Override
        public String rule() {
            return exhausted ? (ex ? "CBD-004" : "CBD-003") : (ex ? "CBD-002" : "CBD-001");
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().lastCallbackData.status();
            List<Check> checks = new ArrayList<>(List.of(Check.callbackDataReturns(rule(), status)));
            checks.add(status.isSuccess() ? Check.callbackDataHandedBack(rule()) : Check.noCallbackDataHandedBack(rule()));
            return checks;
        }

        @Override
        public String poolRule(Judging j) {
            return preallocate ? "CBD-009" : "CBD-008";
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            if (preallocate) {
                simpler.add(new Allocate(forFile, ex, false, exhausted));
            } else if (ex) {
                simpler.add(new Allocate(forFile, false, false, exhausted));
            }
            return simpler;
        }
    }

    /** FltPerformSynchronousIo with the callback data, with or without the pool exhausted. */
    record PerformIo(boolean exhausted) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.CALLBACK_DATA) && ref.hasCurrentCallbackData() && (!exhausted || env.has(Capability.POOL_FAULTS));
        }

        @Override
        public boolean perform(Side side) {
            if (exhausted) {
                side.poolFailsEveryAllocation();
            }
            side.performIo();
            if (exhausted) {
                side.poolRecovers();
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            return around(exhausted, Line.when("the minifilter performs a synchronous I/O with the callback data"));
        }

        @Override
        public int checkPoint() {
            return exhausted ? 2 : 1;
        }

        @Override
        public Set<Capability> needs() {
            return CallbackDataActions.needs(exhausted);
        }

        @Override
        public String rule() {
            return exhausted ? "CBD-005" : "CBD-010";
        }

        @Override
        public List<Check> checks(Judging j) {
            if (exhausted && !j.reference().currentPreallocated) {
                return List.of(); // Freedoms.CBD_006
            }
            return List.of(Check.ioReturns(rule(), j.reference().lastIo));
        }
    }

    /** FltReuseCallbackData or FltFreeCallbackData on the callback data. */
    record ReuseOrFree(boolean free) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.CALLBACK_DATA) && ref.hasCurrentCallbackData();
        }

        @Override
        public boolean perform(Side side) {
            if (free) {
                side.freeCallbackData();
            } else {
                side.reuseCallbackData();
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when(free ? "the minifilter frees the callback data" : "the minifilter reuses the callback data"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.CALLBACK_DATA);
        }

        @Override
        public String rule() {
            return free ? "CBD-008" : "CBD-010";
        }

        @Override
        public String poolRule(Judging j) {
            return j.reference().currentPreallocated ? "CBD-009" : "CBD-008";
        }
    }
}
