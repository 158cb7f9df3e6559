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

import java.util.ArrayList;
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
        return new Registration(status(result), number(result, "filter"));
    }

    @Override
    public Allocation allocateContext(long filter, int contextType, long contextSize, int poolType) {
        JsonNode result = call("allocateContext", args().put("filter", filter).put("contextType", contextType)
                .put("contextSize", contextSize).put("poolType", poolType));
        return new Allocation(status(result), number(result, "returnedContext"));
    }

    @Override
    public void referenceContext(long context) {
        call("referenceContext", args().put("context", context));
    }

    @Override
    public void releaseContext(long context) {
        call("releaseContext", args().put("context", context));
    }

    @Override
    public void deleteContext(long context) {
        call("deleteContext", args().put("context", context));
    }

    // ---- Observation ----

    @Override
    public ContextState inspectContext(long context) {
        JsonNode r = call("inspectContext", args().put("context", context));
        return new ContextState(bool(r, "alive"), (int) number(r, "referenceCount"), (int) number(r, "contextType"),
                number(r, "size"), (int) number(r, "poolType"), ContextOrigin.valueOf(text(r, "origin")),
                bool(r, "attached"), (int) number(r, "cleanupCalls"));
    }

    @Override
    public byte[] readContext(long context, int offset, int length) {
        JsonNode r = call("readContext", args().put("context", context).put("offset", offset).put("length", length));
        byte[] data = HEX.parseHex(text(r, "data"));
        if (data.length != length) {
            throw new ProcessImplementationException(name + " answered readContext of " + length + " bytes with " + data.length);
        }
        return data;
    }

    @Override
    public void writeContext(long context, int offset, byte[] data) {
        call("writeContext", args().put("context", context).put("offset", offset).put("data", HEX.formatHex(data)));
    }

    @Override
    public List<CallbackEvent> takeCallbackEvents() {
        List<CallbackEvent> events = new ArrayList<>();
        for (JsonNode e : array(call("takeCallbackEvents", args()), "events")) {
            events.add(new CallbackEvent(CallbackEvent.Kind.valueOf(text(e, "kind")), (int) number(e, "poolType"),
                    number(e, "size"), (int) number(e, "contextType"), number(e, "address"), Irql.valueOf(text(e, "irql"))));
        }
        return events;
    }

    @Override
    public PoolSnapshot pool() {
        JsonNode r = call("pool", args());
        return new PoolSnapshot(number(r, "outstandingBlocks"), number(r, "outstandingBytes"), number(r, "liveContexts"));
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
        return status(call("closeSectionForDataScan", args().put("sectionContext", sectionContext)));
    }

    @Override
    public void failAllocateCallback(int count) {
        call("failAllocateCallback", args().put("count", count));
    }

    @Override
    public void beginFilterTeardown(long filter) {
        call("beginFilterTeardown", args().put("filter", filter));
    }

    @Override
    public void unloadFilter(long filter) {
        call("unloadFilter", args().put("filter", filter));
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
        return number(call("mountVolume", args()), "volume");
    }

    @Override
    public long attachInstance(long filter, long volume) {
        return number(call("attachInstance", args().put("filter", filter).put("volume", volume)), "instance");
    }

    @Override
    public void detachInstance(long instance) {
        call("detachInstance", args().put("instance", instance));
    }

    @Override
    public void dismountVolume(long volume) {
        call("dismountVolume", args().put("volume", volume));
    }

    @Override
    public long openFile(long instance, String fileName, String streamName) {
        return number(call("openFile", args().put("instance", instance).put("fileName", fileName)
                .put("streamName", streamName)), "fileObject");
    }

    @Override
    public void closeFile(long fileObject) {
        call("closeFile", args().put("fileObject", fileObject));
    }

    @Override
    public void beginObjectTeardown(ContextType type, ContextTarget target) {
        call("beginObjectTeardown", target(args().put("contextType", type.value()), target));
    }

    @Override
    public ContextResult setContext(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOldContext) {
        return contextResult(call("setContext", target(args().put("contextType", type.value()), target)
                .put("operation", operation).put("newContext", newContext).put("wantOldContext", wantOldContext)));
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
        for (JsonNode entry : array(r, "contexts")) {
            int type = (int) number(entry, "contextType");
            contexts.put(ContextType.fromValue(type).orElseThrow(() -> new ProcessImplementationException(
                    name + " answered getContexts with unknown context type " + type)), number(entry, "context"));
        }
        return new RelatedContexts(status(r), contexts);
    }

    @Override
    public void releaseContexts(RelatedContexts contexts) {
        ObjectNode args = args();
        ArrayNode list = args.putArray("contexts");
        contexts.contexts().forEach((type, context) -> list.addObject().put("contextType", type.value()).put("context", context));
        call("releaseContexts", args);
    }

    @Override
    public long beginTransaction() {
        return number(call("beginTransaction", args()), "transaction");
    }

    @Override
    public void endTransaction(long transaction, boolean commit) {
        call("endTransaction", args().put("transaction", transaction).put("commit", commit));
    }

    // ---- Callback data ----

    @Override
    public CallbackDataResult allocateCallbackData(long instance, long fileObject) {
        JsonNode r = call("allocateCallbackData", args().put("instance", instance).put("fileObject", fileObject));
        return new CallbackDataResult(status(r), number(r, "callbackData"));
    }

    @Override
    public CallbackDataResult allocateCallbackDataEx(long instance, long fileObject, int flags) {
        JsonNode r = call("allocateCallbackDataEx", args().put("instance", instance).put("fileObject", fileObject).put("flags", flags));
        return new CallbackDataResult(status(r), number(r, "callbackData"));
    }

    @Override
    public void freeCallbackData(long callbackData) {
        call("freeCallbackData", args().put("callbackData", callbackData));
    }

    @Override
    public void reuseCallbackData(long callbackData) {
        call("reuseCallbackData", args().put("callbackData", callbackData));
    }

    @Override
    public NtStatus performSynchronousIo(long callbackData) {
        return status(call("performSynchronousIo", args().put("callbackData", callbackData)));
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
        args.putObject("target").put("instance", target.instance()).put("volume", target.volume())
                .put("fileObject", target.fileObject()).put("transaction", target.transaction());
        return args;
    }

    private ContextResult contextResult(JsonNode result) {
        return new ContextResult(status(result), number(result, "context"));
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
            throw new BugCheck((int) hexOrNumber(bug, "code"), hexOrNumber(bug, "parameter1"),
                    bug.path("description").asText(""));
        }
        if (answer.has("error")) {
            JsonNode error = answer.get("error");
            String message = name + " answered '" + op + "' with error: " + error.path("message").asText("(no message)");
            switch (error.path("kind").asText("")) {
                case "unsupported":
                    throw new UnsupportedOperationException(message);
                case "invalid-argument":
                    throw new IllegalArgumentException(message);
                default:
                    throw new ProcessImplementationException(message + "; stderr tail: " + child.stderrTail());
            }
        }
        JsonNode result = answer.get("result");
        if (!result.isObject()) {
            throw child.kill(op, "answered with a result that is not an object: " + result);
        }
        return result;
    }

    private NtStatus status(JsonNode result) {
        return NtStatus.of((int) hexOrNumber(result, "status"));
    }

    private long hexOrNumber(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.asText().startsWith("0x")) {
            try {
                return Long.parseUnsignedLong(value.asText().substring(2), 16);
            } catch (NumberFormatException e) {
                throw missing(field, value);
            }
        }
        return number(node, field);
    }

    private long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber()) {
            throw missing(field, value);
        }
        return value.asLong();
    }

    private boolean bool(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw missing(field, value);
        }
        return value.asBoolean();
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw missing(field, value);
        }
        return value.asText();
    }

    private JsonNode array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw missing(field, value);
        }
        return value;
    }

    private ProcessImplementationException missing(String field, JsonNode value) {
        return child.kill(op, "answered without a valid '" + field + "' (got " + value + "); see PROTOCOL.md");
    }
}
