package fltkit.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fltkit.spi.AllocateCallbacks;
import fltkit.spi.Allocation;
import fltkit.spi.CallbackData;
import fltkit.spi.CallbackEvents;
import fltkit.spi.ContextInspection;
import fltkit.spi.ContextMemory;
import fltkit.spi.ContextObjects;
import fltkit.spi.FilterTeardown;
import fltkit.spi.IrqlControl;
import fltkit.spi.NoExactSizeMatch;
import fltkit.spi.PerStreamSupport;
import fltkit.spi.PoolAccounting;
import fltkit.spi.PoolFaults;
import fltkit.spi.SectionContexts;
import fltkit.spi.Transactions;
import fltkit.spi.VariableSizeContexts;
import fltkit.spi.BugCheck;
import fltkit.spi.CallbackDataResult;
import fltkit.spi.CallbackEvent;
import fltkit.spi.ContextOrigin;
import fltkit.spi.ContextRegistration;
import fltkit.spi.ContextResult;
import fltkit.spi.ContextState;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.FilterManager;
import fltkit.spi.Irql;
import fltkit.spi.NtStatus;
import fltkit.spi.PoolSnapshot;
import fltkit.spi.Registration;
import fltkit.spi.RelatedContexts;
import fltkit.spi.WindowsVersion;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The SPI spoken over the protocol: each method is one request named after it, its arguments and
 * answers encoded as PROTOCOL.md describes. A {@code bugCheck} answer becomes a {@link BugCheck}; an
 * {@code error} answer of kind {@code unsupported} an UnsupportedOperationException, {@code
 * invalid-argument} an IllegalArgumentException, anything else a {@link ProcessImplementationException}.
 */
final class ProcessFilterManager implements FilterManager, ContextInspection, ContextMemory, CallbackEvents,
        AllocateCallbacks, VariableSizeContexts, NoExactSizeMatch, PoolAccounting, PoolFaults, FilterTeardown,
        PerStreamSupport, IrqlControl, ContextObjects, Transactions, SectionContexts, CallbackData {
    private static final HexFormat HEX = HexFormat.of();

    private final ChildProcess child;
    private final ObjectMapper json;
    private final String name;
    private final Consumer<ChildProcess> whenClosed;
    private boolean closed;
    /** The request whose answer is being read, for messages. */
    private String op = "";

    ProcessFilterManager(ChildProcess child, ObjectMapper json, String name, Consumer<ChildProcess> whenClosed) {
        this.child = child;
        this.json = json;
        this.name = name;
        this.whenClosed = whenClosed;
    }

    void reset(WindowsVersion version) {
        call("reset", args().put("windows", version.profile()));
    }

    // ---- Registration and allocation ----

    @Override
    public Registration registerFilter(List<ContextRegistration> registrations, boolean terminated) {
        ObjectNode args = args().put("terminated", terminated);
        if (registrations == null) {
            args.putNull("registrations");
        } else {
            ArrayNode entries = args.putArray("registrations");
            for (ContextRegistration entry : registrations) {
                entries.addObject().put("contextType", entry.contextType()).put("flags", entry.flags())
                        .put("size", entry.size()).put("poolTag", entry.poolTag())
                        .put("cleanupCallback", entry.cleanupCallback()).put("allocateCallback", entry.allocateCallback())
                        .put("freeCallback", entry.freeCallback());
            }
        }
        JsonNode result = call("registerFilter", args);
        return new Registration(status(result), handle(result, "filter"));
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        JsonNode result = call("allocateContext", handle(args(), "filter", filter).put("contextType", contextType)
                .put("contextSize", contextSize).put("poolType", poolType));
        return new Allocation(status(result), handle(result, "returnedContext"));
    }

    @Override
    public void referenceContext(long context) {
        call("referenceContext", handle(args(), "context", context));
    }

    @Override
    public void releaseContext(long context) {
        call("releaseContext", handle(args(), "context", context));
    }

    @Override
    public void deleteContext(long context) {
        call("deleteContext", handle(args(), "context", context));
    }

    // ---- Observation ----

    @Override
    public ContextState inspectContext(long context) {
        JsonNode r = call("inspectContext", handle(args(), "context", context));
        return new ContextState(bool(r, "alive"), int32(r, "referenceCount"), int32(r, "contextType"),
                int64(r, "size"), int32(r, "poolType"), named(r, "origin", ContextOrigin.class),
                bool(r, "attached"), count32(r, "cleanupCalls"));
    }

    @Override
    public byte[] readContext(long context, int offset, int length) {
        JsonNode r = call("readContext", handle(args(), "context", context).put("offset", offset).put("length", length));
        String hex = text(r, "data");
        byte[] data;
        try {
            data = HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw refused("data", r.get("data"), "not pairs of hex digits");
        }
        if (data.length != length) {
            throw refused("data", r.get("data"), data.length + " bytes where " + length + " were asked for");
        }
        return data;
    }

    @Override
    public void writeContext(long context, int offset, byte[] data) {
        call("writeContext", handle(args(), "context", context).put("offset", offset).put("data", HEX.formatHex(data)));
    }

    @Override
    public List<CallbackEvent> takeCallbackEvents() {
        List<CallbackEvent> events = new ArrayList<>();
        JsonNode list = array(call("takeCallbackEvents", args()), "events");
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = element(list, "events", i);
            String at = "events[" + i + "].";
            events.add(new CallbackEvent(named(e, at, "kind", CallbackEvent.Kind.class), int32(e, at, "poolType"),
                    int64(e, at, "size"), int32(e, at, "contextType"), handle(e, at, "address"), named(e, at, "irql", Irql.class)));
        }
        return events;
    }

    @Override
    public PoolSnapshot pool() {
        JsonNode r = call("pool", args());
        return new PoolSnapshot(count64(r, "outstandingBlocks"), count64(r, "outstandingBytes"), count64(r, "liveContexts"));
    }

    // ---- Fault injection ----

    /** Sent as protocol version 1 always has: {@code failPoolAllocations} when no success comes first. */
    @Override
    public void failPoolAllocationsAfter(int successes, int count) {
        if (successes == 0) {
            call("failPoolAllocations", args().put("count", count));
        } else {
            call("failPoolAllocationsAfter", args().put("successes", successes).put("count", count));
        }
    }

    @Override
    public NtStatus closeSectionForDataScan(long sectionContext) {
        return status(call("closeSectionForDataScan", handle(args(), "sectionContext", sectionContext)));
    }

    @Override
    public void failAllocateCallback(int count) {
        call("failAllocateCallback", args().put("count", count));
    }

    @Override
    public void beginFilterTeardown(long filter) {
        call("beginFilterTeardown", handle(args(), "filter", filter));
    }

    @Override
    public void unloadFilter(long filter) {
        call("unloadFilter", handle(args(), "filter", filter));
    }

    @Override
    public void setPerStreamContextSupport(boolean supported) {
        call("setPerStreamContextSupport", args().put("supported", supported));
    }

    @Override
    public void setCallerIrql(Irql irql) {
        call("setCallerIrql", args().put("irql", irql.name()));
    }

    @Override
    public void runDeferredWork() {
        call("runDeferredWork", args());
    }

    // ---- Objects ----

    @Override
    public long mountVolume() {
        return handle(call("mountVolume", args()), "volume");
    }

    @Override
    public long attachInstance(long filter, long volume) {
        return handle(call("attachInstance", handle(handle(args(), "filter", filter), "volume", volume)), "instance");
    }

    @Override
    public void detachInstance(long instance) {
        call("detachInstance", handle(args(), "instance", instance));
    }

    @Override
    public void dismountVolume(long volume) {
        call("dismountVolume", handle(args(), "volume", volume));
    }

    @Override
    public long openFile(long instance, String fileName, String streamName) {
        return handle(call("openFile", handle(args(), "instance", instance).put("fileName", fileName)
                .put("streamName", streamName)), "fileObject");
    }

    @Override
    public void closeFile(long fileObject) {
        call("closeFile", handle(args(), "fileObject", fileObject));
    }

    @Override
    public void beginObjectTeardown(ContextType type, ContextTarget target) {
        call("beginObjectTeardown", target(args().put("contextType", type.value()), target));
    }

    @Override
    public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
        ObjectNode args = target(args().put("contextType", type.value()), target).put("operation", operation);
        return contextResult(call("setContext", handle(args, "newContext", newContext).put("wantOldContext", wantOldContext)));
    }

    @Override
    public ContextResult getContext(ContextType type, ContextTarget target) {
        return contextResult(call("getContext", target(args().put("contextType", type.value()), target)));
    }

    @Override
    public ContextResult deleteTypedContext(ContextType type, ContextTarget target, boolean wantOldContext) {
        return contextResult(call("deleteTypedContext", target(args().put("contextType", type.value()), target)
                .put("wantOldContext", wantOldContext)));
    }

    @Override
    public RelatedContexts getContexts(ContextTarget target, int desiredContexts) {
        JsonNode r = call("getContexts", target(args().put("desiredContexts", desiredContexts), target));
        Map<ContextType, Long> contexts = new EnumMap<>(ContextType.class);
        JsonNode list = array(r, "contexts");
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = element(list, "contexts", i);
            String at = "contexts[" + i + "].";
            int type = int32(entry, at, "contextType");
            ContextType contextType = ContextType.fromValue(type)
                    .orElseThrow(() -> refused(at + "contextType", entry.get("contextType"), "not an FLT_CONTEXT_TYPE"));
            if (contexts.put(contextType, handle(entry, at, "context")) != null) {
                throw refused(at + "contextType", entry.get("contextType"), "a second context of that type");
            }
        }
        return new RelatedContexts(status(r), contexts);
    }

    @Override
    public void releaseContexts(RelatedContexts contexts) {
        ObjectNode args = args();
        ArrayNode list = args.putArray("contexts");
        contexts.contexts().forEach((type, context) -> handle(list.addObject().put("contextType", type.value()), "context", context));
        call("releaseContexts", args);
    }

    @Override
    public long beginTransaction() {
        return handle(call("beginTransaction", args()), "transaction");
    }

    @Override
    public void endTransaction(long transaction, boolean commit) {
        call("endTransaction", handle(args(), "transaction", transaction).put("commit", commit));
    }

    // ---- Callback data ----

    @Override
    public CallbackDataResult allocateCallbackData(long instance, long fileObject) {
        JsonNode r = call("allocateCallbackData", handle(handle(args(), "instance", instance), "fileObject", fileObject));
        return new CallbackDataResult(status(r), handle(r, "callbackData"));
    }

    @Override
    public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
        JsonNode r = call("allocateCallbackDataEx", handle(handle(args(), "instance", instance), "fileObject", fileObject)
                .put("flags", flags));
        return new CallbackDataResult(status(r), handle(r, "callbackData"));
    }

    @Override
    public void freeCallbackData(long callbackData) {
        call("freeCallbackData", handle(args(), "callbackData", callbackData));
    }

    @Override
    public void reuseCallbackData(long callbackData) {
        call("reuseCallbackData", handle(args(), "callbackData", callbackData));
    }

    @Override
    public NtStatus performSynchronousIo(long callbackData) {
        return status(call("performSynchronousIo", handle(args(), "callbackData", callbackData)));
    }

    @Override
    public void failFileSystemIo(int count) {
        call("failFileSystemIo", args().put("count", count));
    }

    /** Ends the scenario; the process goes back to the provider (quietly, if it already broke). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (child.alive()) {
                call("close", args());
            }
        } finally {
            closed = true;
            whenClosed.accept(child);
        }
    }

    // ---- Encoding ----

    private ObjectNode args() {
        return json.createObjectNode();
    }

    private static ObjectNode target(ObjectNode args, ContextTarget target) {
        ObjectNode members = args.putObject("target");
        handle(members, "instance", target.instance());
        handle(members, "volume", target.volume());
        handle(members, "fileObject", target.fileObject());
        handle(members, "transaction", target.transaction());
        return args;
    }

    /**
     * Writes a handle as the protocol has it: unsigned 64-bit, never negative. The SPI carries handles in
     * a long; one of 2^63 or more arrives here negative and goes out as the JSON integer it stands for.
     */
    static ObjectNode handle(ObjectNode args, String member, long value) {
        if (value >= 0) {
            return args.put(member, value);
        }
        return args.put(member, new BigInteger(Long.toUnsignedString(value)));
    }

    private ContextResult contextResult(JsonNode result) {
        return new ContextResult(status(result), handle(result, "context"));
    }

    /** Sends the request and returns its result, or throws what a bugCheck or error answer stands for. */
    private JsonNode call(String op, ObjectNode args) {
        this.op = op;
        if (closed) {
            throw new IllegalStateException(name + ": '" + op + "' after the scenario's filter manager was closed");
        }
        JsonNode answer = child.call(op, args);
        if (answer.has("bugCheck")) {
            JsonNode bug = answer.get("bugCheck");
            throw new BugCheck((int) unsigned(bug, "bugCheck.", "code", STATUS_DIGITS, MAX_ULONG),
                    unsigned(bug, "bugCheck.", "parameter1", 16, -1L), text(bug, "bugCheck.", "description"));
        }
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            String message = name + " answered '" + op + "' with error: " + error.path("message").asText("(no message)");
            switch (text(error, "error.", "kind")) {
                case "unsupported":
                    throw new UnsupportedOperationException(message);
                case "invalid-argument":
                    throw new IllegalArgumentException(message);
                default:
                    throw new ProcessImplementationException(message + "; stderr tail: " + child.stderrTail());
            }
        }
        JsonNode result = answer.get("result");
        if (result == null || !result.isObject()) {
            throw child.kill(op, "answered with a result that is not an object: " + result);
        }
        return result;
    }

    // ---- Decoding: every member is checked for its type and range before the kit believes it ----

    private static final int STATUS_DIGITS = 8;
    private static final long MAX_ULONG = 0xFFFF_FFFFL;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** An NTSTATUS: "0x" and one to eight hex digits, or an integer from 0 to 0xFFFFFFFF. */
    private NtStatus status(JsonNode result) {
        return NtStatus.of((int) unsigned(result, "", "status", STATUS_DIGITS, MAX_ULONG));
    }

    /**
     * An unsigned value of at most {@code digits} hex digits, as "0x..." or a JSON integer no larger than
     * {@code max} (-1: 2^64-1); returned as the long with the same bits.
     */
    private long unsigned(JsonNode node, String at, String member, int digits, long max) {
        JsonNode value = node.get(member);
        if (value != null && value.isTextual()) {
            String text = value.textValue();
            if (text.startsWith("0x") && text.length() > 2 && text.length() <= 2 + digits
                    && text.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0)) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            throw refused(at + member, value, "not \"0x\" and one to " + digits + " hex digits");
        }
        long number = unsignedInteger(at + member, value);
        if (max != -1L && Long.compareUnsigned(number, max) > 0) {
            throw refused(at + member, value, "above " + Long.toUnsignedString(max));
        }
        return number;
    }

    /** A handle: a JSON integer from 0 to 2^64-1, returned as the long with the same 64 bits. */
    private long handle(JsonNode node, String member) {
        return handle(node, "", member);
    }

    private long handle(JsonNode node, String at, String member) {
        return unsignedInteger(at + member, node.get(member));
    }

    private long unsignedInteger(String member, JsonNode value) {
        if (value == null || !value.isIntegralNumber()) {
            throw refused(member, value, "not an integer");
        }
        BigInteger number = value.bigIntegerValue();
        if (number.signum() < 0 || number.compareTo(TWO_TO_64) >= 0) {
            throw refused(member, value, "outside 0 to 18446744073709551615");
        }
        return number.longValue();
    }

    private int int32(JsonNode node, String member) {
        return int32(node, "", member);
    }

    private int int32(JsonNode node, String at, String member) {
        return (int) signed(at + member, node.get(member), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private int count32(JsonNode node, String member) {
        return (int) signed(member, node.get(member), 0, Integer.MAX_VALUE);
    }

    private long int64(JsonNode node, String member) {
        return int64(node, "", member);
    }

    private long int64(JsonNode node, String at, String member) {
        return signed(at + member, node.get(member), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    private long count64(JsonNode node, String member) {
        return signed(member, node.get(member), 0, Long.MAX_VALUE);
    }

    private long signed(String member, JsonNode value, long min, long max) {
        if (value == null || !value.isIntegralNumber()) {
            throw refused(member, value, "not an integer");
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            throw refused(member, value, "outside " + min + " to " + max);
        }
        return value.longValue();
    }

    private boolean bool(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isBoolean()) {
            throw refused(member, value, "not true or false");
        }
        return value.booleanValue();
    }

    private String text(JsonNode node, String member) {
        return text(node, "", member);
    }

    private String text(JsonNode node, String at, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isTextual()) {
            throw refused(at + member, value, "not a string");
        }
        return value.textValue();
    }

    private <E extends Enum<E>> E named(JsonNode node, String member, Class<E> type) {
        return named(node, "", member, type);
    }

    /** One of the enum's constants by its exact name; anything else is refused, naming the ones allowed. */
    private <E extends Enum<E>> E named(JsonNode node, String at, String member, Class<E> type) {
        String text = text(node, at, member);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw refused(at + member, node.get(member), "not one of " + Arrays.toString(type.getEnumConstants()));
    }

    private JsonNode array(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || !value.isArray()) {
            throw refused(member, value, "not an array");
        }
        return value;
    }

    private JsonNode element(JsonNode array, String member, int index) {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw refused(member + "[" + index + "]", value, "not an object");
        }
        return value;
    }

    /** The answer is out of protocol: the process is killed and the scenario broken, naming request, member and value. */
    private ProcessImplementationException refused(String member, JsonNode value, String why) {
        String shown = value == null ? "nothing (the member is missing)" : ChildProcess.abbreviate(value.toString());
        return child.kill(op, "answered '" + op + "' with '" + member + "' = " + shown + ": " + why + "; see PROTOCOL.md");
    }
}
