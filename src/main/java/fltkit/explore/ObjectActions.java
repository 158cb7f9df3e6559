package fltkit.explore;

import fltkit.spi.Capability;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/** The objects contexts hang on, the typed set/get/delete routines, FltGetContexts, and the objects going away. */
final class ObjectActions {
    private ObjectActions() {
    }

    private static Set<Capability> objects(ContextType type) {
        Set<Capability> needs = EnumSet.of(Capability.OBJECTS);
        if (type == ContextType.TRANSACTION) {
            needs.add(Capability.TRANSACTIONS);
        }
        if (type == ContextType.SECTION) {
            needs.add(Capability.SECTIONS);
        }
        return needs;
    }

    /** A check on the routine's answer with the rule the reference's answer belongs to. */
    private static Check returns(Side.Routine routine, String rule, Action.Judging j) {
        return Check.typedReturns(rule, routine, j.reference().typed.get(routine).status());
    }

    /** What the reference handed back, as a name; null for NULL_CONTEXT. */
    private static String handedBackName(Side ref) {
        return Reach.nameAt(ref, ref.handedBack());
    }

    // =====================================================================================================

    /** The minifilter's instance on a volume, with one file open. */
    record Attach() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.OBJECTS) && ContextActions.registered(ref) && ref.instance == 0;
        }

        @Override
        public boolean perform(Side side) {
            side.attach();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.given("the minifilter's instance is attached to a volume with a file open"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "SET-001";
        }
    }

    /** A second volume with an instance and a file, where a context set on the first set of objects may not go too. */
    record SecondSet() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.OBJECTS) && !Reach.gone(ref) && ref.otherInstance == 0;
        }

        @Override
        public boolean perform(Side side) {
            side.secondSet();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.given("the minifilter also has an instance on a second volume with a file open"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "SET-008";
        }
    }

    /** A second file object of the same stream. */
    record OpenAgain() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.OBJECTS) && !Reach.gone(ref) && ref.secondHandle == 0 && ref.tornDown.isEmpty()
                    && ref.openFileObjects.contains(ref.fileObject);
        }

        @Override
        public boolean perform(Side side) {
            side.openAgain();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.given("the file is opened a second time"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "GET-004";
        }
    }

    // =====================================================================================================

    /** Why a set must fail; a set is generated with at most one reason ({@link Freedoms#KIT_ERROR_ORDER}). */
    enum SetFailure { NOT_SUPPORTED, INVALID_OPERATION, WRONG_TYPE, DELETING, LINKED, DEFINED }

    /** FltSetXxxContext of a context the minifilter holds. */
    record Set_(String name, ContextType type, int operation, boolean wantOld, boolean other) implements Action {
        static Set<SetFailure> failures(Side ref, String name, ContextType type, int operation, boolean other) {
            Set<SetFailure> reasons = EnumSet.noneOf(SetFailure.class);
            if (Reach.streamish(type) && ref.perStreamOff) {
                reasons.add(SetFailure.NOT_SUPPORTED);
            }
            if (operation != SetOperation.KEEP_IF_EXISTS && operation != SetOperation.REPLACE_IF_EXISTS) {
                reasons.add(SetFailure.INVALID_OPERATION);
            }
            if (ref.asked.get(name).type() != type) {
                reasons.add(SetFailure.WRONG_TYPE);
            }
            if (!other && Reach.setRefused(ref, type)) {
                reasons.add(SetFailure.DELETING);
            }
            if (ref.inspect(name).attached()) {
                reasons.add(SetFailure.LINKED);
            }
            if (operation == SetOperation.KEEP_IF_EXISTS && !reasons.contains(SetFailure.NOT_SUPPORTED)
                    && Reach.occupant(ref, type, other) != null) {
                reasons.add(SetFailure.DEFINED);
            }
            return reasons;
        }

        @Override
        public boolean enabled(Side ref, Env env) {
            if (type == ContextType.SECTION || !ref.named.containsKey(name) || ref.heldOn(name) < 1
                    || !Reach.usable(ref, env, type, other) || (other && wantOld)) {
                return false;
            }
            Set<SetFailure> reasons = failures(ref, name, type, operation, other);
            return reasons.size() <= 1 && (!wantOld || reasons.isEmpty() || reasons.equals(Set.of(SetFailure.DEFINED)));
        }

        @Override
        public boolean perform(Side side) {
            side.set(name, type, operation, wantOld, other);
            return true;
        }

        static String operationText(int operation) {
            return operation == SetOperation.KEEP_IF_EXISTS ? "FLT_SET_CONTEXT_KEEP_IF_EXISTS"
                    : operation == SetOperation.REPLACE_IF_EXISTS ? "FLT_SET_CONTEXT_REPLACE_IF_EXISTS" : Integer.toString(operation);
        }

        @Override
        public List<Line> lines() {
            String op = operationText(operation);
            if (other) {
                return List.of(Line.when("the minifilter sets " + Check.quote(name) + " as the " + type.symbol()
                        + " of its other objects with " + op));
            }
            return List.of(Line.when("the minifilter sets " + Check.quote(name) + " as its " + type.symbol() + " with " + op
                    + (wantOld ? ", asking for the old context" : "")));
        }

        @Override
        public Set<Capability> needs() {
            return objects(type);
        }

        @Override
        public String rule() {
            return "SET-001";
        }

        private String statusRule(NtStatus status) {
            if (status.equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED)) {
                return "SET-002";
            }
            if (status.equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_LINKED)) {
                return "SET-008";
            }
            if (status.equals(NtStatus.STATUS_INVALID_PARAMETER)) {
                return operation != SetOperation.KEEP_IF_EXISTS && operation != SetOperation.REPLACE_IF_EXISTS ? "SET-009" : "SET-010";
            }
            if (status.equals(NtStatus.STATUS_NOT_SUPPORTED)) {
                return "SET-011";
            }
            if (status.equals(NtStatus.STATUS_FLT_DELETING_OBJECT)) {
                return "SET-012";
            }
            return "SET-001";
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().typed.get(Side.Routine.SET).status();
            List<Check> checks = new ArrayList<>(List.of(returns(Side.Routine.SET, statusRule(status), j)));
            String handedBack = handedBackName(j.reference());
            if (wantOld && status.equals(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED) && handedBack != null) {
                checks.add(Check.handsBack("SET-004", handedBack));
            } else if (wantOld && status.isSuccess() && handedBack != null) {
                checks.add(Check.handsBack("SET-005", handedBack));
            }
            // A REPLACE_IF_EXISTS set that found nothing: what OldContext holds is free (Freedoms.SET_007).
            return checks;
        }

        @Override
        public String countRule(String context, Judging j) {
            boolean succeeded = j.reference().typed.get(Side.Routine.SET).status().isSuccess();
            if (context.equals(name)) {
                return succeeded ? "REF-005" : "SET-003";
            }
            if (!succeeded) {
                return wantOld ? "SET-004" : "SET-003";
            }
            return operation == SetOperation.REPLACE_IF_EXISTS ? (wantOld ? "SET-005" : "SET-006") : "REF-005";
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            if (wantOld) {
                simpler.add(new Set_(name, type, operation, false, other));
            }
            if (other) {
                simpler.add(new Set_(name, type, operation, wantOld, false));
            }
            if (operation != SetOperation.REPLACE_IF_EXISTS) {
                simpler.add(new Set_(name, type, SetOperation.REPLACE_IF_EXISTS, wantOld, other));
            }
            return simpler;
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** FltGetXxxContext on the minifilter's objects. */
    record Get(ContextType type) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return Reach.usable(ref, env, type, false) && (type != ContextType.SECTION || env.version().atLeast(WindowsVersion.WIN8));
        }

        @Override
        public boolean perform(Side side) {
            side.get(type);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter gets its " + type.symbol()));
        }

        @Override
        public Set<Capability> needs() {
            return objects(type);
        }

        @Override
        public String rule() {
            return "GET-001";
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().typed.get(Side.Routine.GET).status();
            boolean section = type == ContextType.SECTION;
            String rule = status.isSuccess() ? (section ? "SEC-001" : "GET-001")
                    : status.equals(NtStatus.STATUS_NOT_FOUND) ? (section ? "SEC-006" : "GET-002") : "GET-003";
            List<Check> checks = new ArrayList<>(List.of(returns(Side.Routine.GET, rule, j)));
            String name = handedBackName(j.reference());
            if (name != null || j.reference().handedBack() == 0) {
                checks.add(Check.handsBack(rule, name));
            }
            return checks;
        }

        @Override
        public String countRule(String name, Judging j) {
            return "REF-004";
        }
    }

    /** FltDeleteXxxContext (for sections FltCloseSectionForDataScan on the stream's section) on the minifilter's objects. */
    record DeleteTyped(ContextType type, boolean wantOld) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            if (!Reach.usable(ref, env, type, false)) {
                return false;
            }
            boolean instanceTorn = Reach.instanceTornDown(ref);
            if (type == ContextType.FILE && (Reach.tornDown(ref, ContextType.FILE) || instanceTorn)) {
                return false; // Freedoms.DEL_005
            }
            if (instanceTorn && type != ContextType.INSTANCE) {
                return false; // Freedoms.KIT_GONE_OBJECTS
            }
            if (type == ContextType.SECTION && (wantOld || Reach.tornDown(ref, ContextType.STREAM) || !env.version().atLeast(WindowsVersion.WIN8))) {
                return false; // Freedoms.KIT_GONE_OBJECTS: no page says what OldContext or a teardown does to a section close
            }
            int reasons = 0;
            boolean notSupported = Reach.streamish(type) && ref.perStreamOff;
            reasons += notSupported ? 1 : 0;
            reasons += Reach.tornDown(ref, type) ? 1 : 0;
            reasons += !notSupported && Reach.occupant(ref, type, false) == null ? 1 : 0;
            return reasons <= 1;
        }

        @Override
        public boolean perform(Side side) {
            side.deleteTyped(type, wantOld);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter deletes its " + type.symbol() + (wantOld ? ", asking for the old context" : "")));
        }

        @Override
        public Set<Capability> needs() {
            return objects(type);
        }

        @Override
        public String rule() {
            return "DEL-001";
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().typed.get(Side.Routine.DELETE).status();
            String rule = status.isSuccess() ? (type == ContextType.SECTION ? "SEC-003" : wantOld ? "DEL-002" : "DEL-001")
                    : status.equals(NtStatus.STATUS_NOT_FOUND) ? "DEL-003"
                    : status.equals(NtStatus.STATUS_FLT_DELETING_OBJECT) ? "DEL-004" : "DEL-006";
            List<Check> checks = new ArrayList<>(List.of(returns(Side.Routine.DELETE, rule, j)));
            String name = handedBackName(j.reference());
            if (wantOld && status.isSuccess() && name != null) {
                checks.add(Check.handsBack("DEL-002", name));
            } else if (wantOld && status.equals(NtStatus.STATUS_NOT_FOUND)) {
                checks.add(Check.handsBack("DEL-003", null));
            }
            return checks;
        }

        @Override
        public String countRule(String name, Judging j) {
            return type == ContextType.SECTION ? "SEC-003" : wantOld ? "DEL-002" : "DEL-001";
        }

        @Override
        public List<Action> simpler() {
            return wantOld ? List.of(new DeleteTyped(type, false)) : List.of();
        }
    }

    /** FltCreateSectionForDataScan with a section context the minifilter holds and never gave to a section. */
    record CreateSection(String name) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.version().atLeast(WindowsVersion.WIN8) && Reach.usable(ref, env, ContextType.SECTION, false)
                    && ref.named.containsKey(name) && ref.asked.get(name).type() == ContextType.SECTION && ref.heldOn(name) >= 1
                    && !ref.sectionsCreated.contains(name) && !ref.inspect(name).attached()
                    && !Reach.tornDown(ref, ContextType.STREAM) && !Reach.instanceTornDown(ref);
        }

        @Override
        public boolean perform(Side side) {
            side.createSection(name);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter creates a section for data scan with " + Check.quote(name)));
        }

        @Override
        public Set<Capability> needs() {
            return objects(ContextType.SECTION);
        }

        @Override
        public String rule() {
            return "SEC-001";
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().typed.get(Side.Routine.CREATE_SECTION).status();
            return List.of(returns(Side.Routine.CREATE_SECTION, status.isSuccess() ? "SEC-001" : "SEC-002", j));
        }

        @Override
        public String countRule(String other, Judging j) {
            return "SEC-001";
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** FltCloseSectionForDataScan with a section context the minifilter holds. */
    record CloseSection(String name) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.SECTIONS) && env.version().atLeast(WindowsVersion.WIN8) && !Reach.gone(ref)
                    && ref.named.containsKey(name) && ref.asked.get(name).type() == ContextType.SECTION && ref.heldOn(name) >= 1
                    && !Reach.tornDown(ref, ContextType.STREAM) && !Reach.instanceTornDown(ref);
        }

        @Override
        public boolean perform(Side side) {
            side.closeSection(name);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter closes the section of " + Check.quote(name)));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS, Capability.SECTIONS);
        }

        @Override
        public String rule() {
            return "SEC-003";
        }

        @Override
        public List<Check> checks(Judging j) {
            NtStatus status = j.reference().typed.get(Side.Routine.CLOSE_SECTION).status();
            String rule = status.isSuccess() ? "SEC-003" : status.equals(NtStatus.STATUS_INVALID_PARAMETER) ? "SEC-004" : "SEC-005";
            return List.of(returns(Side.Routine.CLOSE_SECTION, rule, j));
        }

        @Override
        public String countRule(String other, Judging j) {
            return "SEC-003";
        }


        @Override
        public List<String> names() {
            return List.of(name);
        }
    }

    /** FltReleaseContext on what the last set, get or delete routine handed back. */
    record ReleaseHandedBack() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return ref.lastTyped != null && ref.handedBack() != 0 && !ref.handedBackReleased && ref.heldCount(ref.handedBack()) >= 1;
        }

        @Override
        public boolean perform(Side side) {
            side.releaseHandedBack();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter releases the context handed back"));
        }

        @Override
        public String rule() {
            return "REF-002";
        }

        @Override
        public String countRule(String name, Judging j) {
            switch (j.reference().lastTyped) {
                case GET: return "REF-004";
                case SET: return j.reference().typed.get(Side.Routine.SET).status().isSuccess() ? "SET-005" : "SET-004";
                default: return "DEL-002";
            }
        }
    }

    /** FltGetContexts for some of the minifilter's objects (no FLT_SECTION_CONTEXT: SEC-010 covers FltGetContextsEx's section field). */
    record GetContexts(Set<ContextType> types) implements Action {
        int desired() {
            int desired = 0;
            for (ContextType type : types) {
                desired |= type.value();
            }
            return desired;
        }

        @Override
        public boolean enabled(Side ref, Env env) {
            if (types.isEmpty() || Reach.gone(ref) || !env.has(Capability.OBJECTS)) {
                return false;
            }
            for (ContextType type : types) {
                if (type == ContextType.SECTION || !Reach.usable(ref, env, type, false) || (Reach.streamish(type) && ref.perStreamOff)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean perform(Side side) {
            side.getContexts(desired());
            return true;
        }

        @Override
        public List<Line> lines() {
            StringJoiner joined = new StringJoiner("|");
            types.forEach(t -> joined.add(t.symbol()));
            return List.of(Line.when("the minifilter calls FltGetContexts for \"" + joined + "\""));
        }

        @Override
        public Set<Capability> needs() {
            return types.contains(ContextType.TRANSACTION) ? Set.of(Capability.OBJECTS, Capability.TRANSACTIONS) : Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "REF-006";
        }

        @Override
        public List<Check> checks(Judging j) {
            List<Check> checks = new ArrayList<>();
            for (ContextType type : ContextType.values()) {
                if (type == ContextType.SECTION) {
                    continue;
                }
                long returned = j.reference().lastGetContexts.get(type);
                String name = Reach.nameAt(j.reference(), returned);
                if (returned == 0 || name != null) {
                    checks.add(Check.getContextsHandsBack(types.contains(type) && returned != 0 ? "REF-006" : "REF-007", name, type));
                }
            }
            return checks;
        }

        @Override
        public String countRule(String name, Judging j) {
            return "REF-006";
        }

        @Override
        public List<Action> simpler() {
            List<Action> simpler = new ArrayList<>();
            if (types.size() > 1) {
                for (ContextType type : types) {
                    Set<ContextType> fewer = EnumSet.copyOf(types);
                    fewer.remove(type);
                    simpler.add(new GetContexts(fewer));
                }
            }
            return simpler;
        }
    }

    /** FltReleaseContexts on what the last FltGetContexts handed back. */
    record ReleaseContexts() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return ref.holdsGetContexts();
        }

        @Override
        public boolean perform(Side side) {
            side.releaseContexts();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the minifilter calls FltReleaseContexts"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "REF-006";
        }

        @Override
        public String countRule(String name, Judging j) {
            return "REF-006";
        }
    }

    // =====================================================================================================
    // Objects going away

    /** Closes the first file object ({@code second} false) or the second one. */
    record CloseFile(boolean second) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            long handle = second ? ref.secondHandle : ref.fileObject;
            return env.has(Capability.OBJECTS) && handle != 0 && ref.openFileObjects.contains(handle);
        }

        @Override
        public boolean perform(Side side) {
            if (second) {
                side.closeSecond();
            } else {
                side.closeFirst();
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when(second ? "the second file object is closed" : "the minifilter's file object is closed"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            return "AUTO-001";
        }

        @Override
        public String countRule(String name, Judging j) {
            Side ref = j.reference();
            return ref.openFileObjects.contains(second ? ref.fileObject : ref.secondHandle) ? "AUTO-002" : "AUTO-001";
        }

        @Override
        public boolean deletesWithObjects() {
            return true;
        }
    }

    /** The transaction commits or rolls back. */
    record EndTransaction(boolean commit) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.OBJECTS) && env.has(Capability.TRANSACTIONS) && !Reach.gone(ref) && !ref.transactionEnded;
        }

        @Override
        public boolean perform(Side side) {
            side.endTransaction(commit);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when(commit ? "the transaction commits" : "the transaction rolls back"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.OBJECTS, Capability.TRANSACTIONS);
        }

        @Override
        public String rule() {
            return "AUTO-003";
        }

        @Override
        public String countRule(String name, Judging j) {
            return "AUTO-003";
        }

        @Override
        public boolean deletesWithObjects() {
            return true;
        }
    }

    /** The instance detaches, the volume is dismounted, or the filter unloads. */
    enum Ending { DETACH, DISMOUNT, UNLOAD }

    record End(Ending ending) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            if (ending == Ending.UNLOAD) {
                return env.has(Capability.FILTER_TEARDOWN) && ContextActions.registered(ref) && !ref.filterUnloaded;
            }
            return env.has(Capability.OBJECTS) && !Reach.gone(ref);
        }

        @Override
        public boolean perform(Side side) {
            switch (ending) {
                case DETACH: side.detach(); break;
                case DISMOUNT: side.dismount(); break;
                default: side.unload();
            }
            return true;
        }

        @Override
        public List<Line> lines() {
            switch (ending) {
                case DETACH: return List.of(Line.when("the instance detaches from the volume"));
                case DISMOUNT: return List.of(Line.when("the volume is dismounted"));
                default: return List.of(Line.when("the filter unloads"));
            }
        }

        @Override
        public Set<Capability> needs() {
            return ending == Ending.UNLOAD ? Set.of(Capability.FILTER_TEARDOWN) : Set.of(Capability.OBJECTS);
        }

        @Override
        public String rule() {
            switch (ending) {
                case DETACH: return "AUTO-004";
                case DISMOUNT: return "AUTO-005";
                default: return "AUTO-006";
            }
        }

        @Override
        public String countRule(String name, Judging j) {
            return rule();
        }

        @Override
        public boolean deletesWithObjects() {
            return true;
        }
    }

    /** The teardown of the object of one of the minifilter's context types begins. */
    record BeginTeardown(ContextType type) implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return type != ContextType.SECTION && Reach.usable(ref, env, type, false) && !Reach.tornDown(ref, type);
        }

        @Override
        public boolean perform(Side side) {
            side.beginTeardown(type);
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.when("the object of the minifilter's " + type.symbol() + " begins to be torn down"));
        }

        @Override
        public Set<Capability> needs() {
            return objects(type);
        }

        @Override
        public String rule() {
            return "SET-012";
        }
    }

    /** FltUnregisterFilter has begun. */
    record BeginFilterTeardown() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.FILTER_TEARDOWN) && ContextActions.registered(ref) && !ref.filterUnloaded && !ref.filterTeardownBegun;
        }

        @Override
        public boolean perform(Side side) {
            side.beginFilterTeardown();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.given("the filter manager has begun tearing the filter down"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.FILTER_TEARDOWN);
        }

        @Override
        public String rule() {
            return "ALLOC-009";
        }
    }

    /** From now on the file system supports no stream or stream handle contexts. */
    record NoPerStreamSupport() implements Action {
        @Override
        public boolean enabled(Side ref, Env env) {
            return env.has(Capability.STREAM_SUPPORT_TOGGLE) && ContextActions.registered(ref) && !ref.perStreamOff;
        }

        @Override
        public boolean perform(Side side) {
            side.noPerStreamSupport();
            return true;
        }

        @Override
        public List<Line> lines() {
            return List.of(Line.given("the file system does not support per-stream contexts"));
        }

        @Override
        public Set<Capability> needs() {
            return Set.of(Capability.STREAM_SUPPORT_TOGGLE);
        }

        @Override
        public String rule() {
            return "ALLOC-012";
        }
    }
}
