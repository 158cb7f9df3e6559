package fltkit.reference;

import fltkit.spi.ContextResult;
import fltkit.spi.ContextTarget;
import fltkit.spi.ContextType;
import fltkit.spi.NtStatus;
import fltkit.spi.RelatedContexts;
import fltkit.spi.SetOperation;
import fltkit.spi.WindowsVersion;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects contexts are set on (volumes, instances, files, streams, file objects, transactions,
 * sections) and the set/get/delete routines over them, including the automatic deletion when an object
 * goes away. Called by {@link ReferenceFilterManager} under its monitor.
 */
final class ObjectModel {
    /** FLT_ALL_CONTEXTS from Windows 8: the OR of the seven type values. */
    private static final int ALL_CONTEXTS = 0x007F;

    private final ReferenceFilterManager fm;
    private final Map<Long, Volume> volumes = new HashMap<>();
    private final Map<Long, Instance> instances = new HashMap<>();
    private final Map<Long, FileObject> fileObjects = new HashMap<>();
    private final Map<Long, Transaction> transactions = new HashMap<>();
    private final Set<ContextNode> sectionsCreated = new HashSet<>();
    private long nextHandle = 0x5100_0000L;

    ObjectModel(ReferenceFilterManager fm) {
        this.fm = fm;
    }

    static final class Volume {
        final long handle;
        final ContextHolder contexts;
        final Map<String, File> files = new HashMap<>();
        final List<Instance> instances = new ArrayList<>();

        Volume(long handle) {
            this.handle = handle;
            this.contexts = new ContextHolder(String.format("volume 0x%X", handle));
        }
    }

    static final class Instance {
        final long handle;
        final Filter filter;
        final Volume volume;
        final ContextHolder contexts;

        Instance(long handle, Filter filter, Volume volume) {
            this.handle = handle;
            this.filter = filter;
            this.volume = volume;
            this.contexts = new ContextHolder(String.format("instance 0x%X", handle));
        }
    }

    static final class File {
        final ContextHolder contexts;
        final Map<String, Stream> streams = new HashMap<>();

        File(String name) {
            this.contexts = new ContextHolder("file " + name);
        }

        boolean open() {
            return streams.values().stream().anyMatch(s -> s.openHandles > 0);
        }
    }

    static final class Stream {
        final File file;
        final ContextHolder contexts;
        final ContextHolder sections;
        int openHandles;

        Stream(File file, String name) {
            this.file = file;
            this.contexts = new ContextHolder("stream " + name);
            this.sections = new ContextHolder("sections of stream " + name);
        }
    }

    static final class FileObject {
        final long handle;
        final Instance instance;
        final Stream stream;
        final ContextHolder handleContexts;
        boolean open = true;

        FileObject(long handle, Instance instance, Stream stream) {
            this.handle = handle;
            this.instance = instance;
            this.stream = stream;
            this.handleContexts = new ContextHolder(String.format("file object 0x%X", handle));
        }
    }

    static final class Transaction {
        final long handle;
        final ContextHolder contexts;

        Transaction(long handle) {
            this.handle = handle;
            this.contexts = new ContextHolder(String.format("transaction 0x%X", handle));
        }
    }

    /** Where a (type, target) pair points: the holder and the owner key, or why it points nowhere. */
    private record Slot(ContextHolder holder, long owner, boolean deleting, NtStatus error) {
        static Slot error(NtStatus status) {
            return new Slot(null, 0, false, status);
        }
    }

    // ---- Objects ----

    long mountVolume() {
        Volume volume = new Volume(nextHandle++);
        volumes.put(volume.handle, volume);
        return volume.handle;
    }

    long attachInstance(Filter filter, long volumeHandle) {
        Volume volume = require(volumes, volumeHandle, "volume");
        Instance instance = new Instance(nextHandle++, filter, volume);
        instances.put(instance.handle, instance);
        volume.instances.add(instance);
        return instance.handle;
    }

    long openFile(long instanceHandle, String fileName, String streamName) {
        Instance instance = require(instances, instanceHandle, "instance");
        File file = instance.volume.files.computeIfAbsent(fileName, File::new);
        String full = fileName + (streamName == null ? "::$DATA" : ":" + streamName);
        Stream stream = file.streams.computeIfAbsent(full, name -> new Stream(file, name));
        stream.openHandles++;
        FileObject fileObject = new FileObject(nextHandle++, instance, stream);
        fileObjects.put(fileObject.handle, fileObject);
        return fileObject.handle;
    }

    /** The last close of a stream deletes its stream and section contexts; of a file, its file contexts. */
    void closeFile(long handle) {
        FileObject fileObject = require(fileObjects, handle, "file object");
        if (!fileObject.open) {
            return;
        }
        fileObject.open = false;
        fileObject.handleContexts.tearingDown = true;
        delete(fileObject.handleContexts.unlinkAll(0));
        Stream stream = fileObject.stream;
        if (--stream.openHandles == 0) {
            delete(stream.contexts.unlinkAll(0));
            delete(stream.sections.unlinkAll(0));
            if (!stream.file.open()) {
                delete(stream.file.contexts.unlinkAll(0));
            }
        }
    }

    long beginTransaction() {
        Transaction transaction = new Transaction(nextHandle++);
        transactions.put(transaction.handle, transaction);
        return transaction.handle;
    }

    void endTransaction(long handle) {
        Transaction transaction = require(transactions, handle, "transaction");
        transaction.contexts.tearingDown = true;
        delete(transaction.contexts.unlinkAll(0));
    }

    /** Deletes every context set through the instance; later set routines through it fail. */
    void detachInstance(long handle) {
        Instance instance = require(instances, handle, "instance");
        instance.contexts.tearingDown = true;
        for (ContextHolder holder : holders()) {
            delete(holder.unlinkAll(instance.handle));
        }
    }

    void dismountVolume(long handle) {
        Volume volume = require(volumes, handle, "volume");
        volume.contexts.tearingDown = true;
        for (FileObject fileObject : List.copyOf(fileObjects.values())) {
            if (fileObject.instance.volume == volume) {
                closeFile(fileObject.handle);
            }
        }
        for (Instance instance : volume.instances) {
            detachInstance(instance.handle);
        }
        delete(volume.contexts.unlinkAll(0));
    }

    /** FltUnregisterFilter completed: every instance detaches, and the filter's volume and transaction contexts go. */
    void unloadFilter(Filter filter) {
        for (Instance instance : List.copyOf(instances.values())) {
            if (instance.filter == filter) {
                detachInstance(instance.handle);
            }
        }
        for (ContextHolder holder : holders()) {
            delete(holder.unlinkAll(filter.handle));
        }
    }

    void beginObjectTeardown(ContextType type, ContextTarget target) {
        Slot slot = slot(type, target);
        if (slot.error == null) {
            slot.holder.tearingDown = true;
        }
    }

    // ---- Set, get, delete ----

    ContextResult set(ContextType type, ContextTarget target, int operation, long newContext, boolean wantOld) {
        boolean section = type == ContextType.SECTION;
        if (!section && operation != SetOperation.KEEP_IF_EXISTS && operation != SetOperation.REPLACE_IF_EXISTS) {
            return result(NtStatus.STATUS_INVALID_PARAMETER);
        }
        ContextNode node = fm.contexts.get(newContext);
        if (!type.existsOn(fm.version) || node == null || !node.alive || node.type != type) {
            return result(NtStatus.STATUS_INVALID_PARAMETER);
        }
        Slot slot = slot(type, target);
        if (slot.error != null) {
            return result(slot.error);
        }
        if (slot.deleting) {
            return result(NtStatus.STATUS_FLT_DELETING_OBJECT);
        }
        if (node.attachedTo != null) {
            return result(NtStatus.STATUS_FLT_CONTEXT_ALREADY_LINKED);
        }
        ContextNode existing = slot.holder.get(slot.owner);
        if (existing != null && (section || operation == SetOperation.KEEP_IF_EXISTS)) {
            if (wantOld && !section) {
                existing.referenceCount++;
                return new ContextResult(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED, existing.address());
            }
            return result(NtStatus.STATUS_FLT_CONTEXT_ALREADY_DEFINED);
        }
        if (existing != null) {
            // The removed context's attached reference passes to the caller when it asks for OldContext.
            slot.holder.unlink(existing);
        }
        slot.holder.attach(slot.owner, node);
        node.referenceCount++;
        if (section) {
            sectionsCreated.add(node);
        }
        if (existing != null && !wantOld) {
            fm.dropReference(existing);
        }
        return new ContextResult(NtStatus.STATUS_SUCCESS, existing != null && wantOld ? existing.address() : 0);
    }

    ContextResult get(ContextType type, ContextTarget target) {
        if (!type.existsOn(fm.version)) {
            return result(NtStatus.STATUS_INVALID_PARAMETER);
        }
        Slot slot = slot(type, target);
        if (slot.error != null) {
            return result(slot.error);
        }
        ContextNode existing = slot.holder.get(slot.owner);
        if (existing == null) {
            return result(NtStatus.STATUS_NOT_FOUND);
        }
        existing.referenceCount++;
        return new ContextResult(NtStatus.STATUS_SUCCESS, existing.address());
    }

    /** The typed delete routines; for sections FltCloseSectionForDataScan on the stream's section context. */
    ContextResult delete(ContextType type, ContextTarget target, boolean wantOld) {
        if (!type.existsOn(fm.version)) {
            return result(NtStatus.STATUS_INVALID_PARAMETER);
        }
        Slot slot = slot(type, target);
        if (slot.error != null) {
            return result(slot.error);
        }
        boolean section = type == ContextType.SECTION;
        if (slot.deleting && !section) {
            return result(NtStatus.STATUS_FLT_DELETING_OBJECT);
        }
        ContextNode existing = slot.holder.get(slot.owner);
        if (existing == null) {
            return result(NtStatus.STATUS_NOT_FOUND);
        }
        slot.holder.unlink(existing);
        if (wantOld && !section) {
            return new ContextResult(NtStatus.STATUS_SUCCESS, existing.address());
        }
        fm.dropReference(existing);
        return result(NtStatus.STATUS_SUCCESS);
    }

    /** FltCloseSectionForDataScan(SectionContext). */
    NtStatus closeSection(long context) {
        ContextNode node = fm.contexts.get(context);
        if (node == null || node.type != ContextType.SECTION || !sectionsCreated.contains(node)) {
            return NtStatus.STATUS_INVALID_PARAMETER;
        }
        if (!(node.attachedTo instanceof ContextHolder)) {
            return NtStatus.STATUS_NOT_FOUND;
        }
        ((ContextHolder) node.attachedTo).unlink(node);
        fm.dropReference(node);
        return NtStatus.STATUS_SUCCESS;
    }

    /** FltDeleteContext: unlinks an attached context and drops its attached reference; otherwise nothing. */
    void deleteContext(ContextNode node) {
        if (node.attachedTo instanceof ContextHolder) {
            ((ContextHolder) node.attachedTo).unlink(node);
            fm.dropReference(node);
        }
    }

    /**
     * FltGetContexts, and from Windows 8 FltGetContextsEx: its FLT_RELATED_CONTEXTS_EX has a SectionContext
     * member, so section contexts come back too, and a DesiredContexts bit that names no context type is an
     * invalid context value (STATUS_INVALID_PARAMETER, nothing referenced). FltGetContexts returns nothing, so
     * before Windows 8 unknown bits are simply not looked for.
     */
    RelatedContexts getContexts(ContextTarget target, int desired) {
        Map<ContextType, Long> found = new EnumMap<>(ContextType.class);
        if (fm.version.atLeast(WindowsVersion.WIN8) && (desired & ~ALL_CONTEXTS) != 0) {
            return new RelatedContexts(NtStatus.STATUS_INVALID_PARAMETER, found);
        }
        for (ContextType type : ContextType.values()) {
            if ((desired & type.value()) == 0) {
                continue;
            }
            // A type this version lacks (sections before Windows 8) is not found: get answers STATUS_INVALID_PARAMETER.
            ContextResult result = get(type, target);
            if (result.status().isSuccess()) {
                found.put(type, result.context());
            }
        }
        return new RelatedContexts(NtStatus.STATUS_SUCCESS, found);
    }

    boolean isInstance(long handle) {
        return instances.containsKey(handle);
    }

    // ---- Helpers ----

    private Slot slot(ContextType type, ContextTarget target) {
        Instance instance = instances.get(target.instance());
        if (instance == null) {
            return Slot.error(NtStatus.STATUS_INVALID_PARAMETER);
        }
        boolean streamish = type == ContextType.STREAM || type == ContextType.STREAMHANDLE;
        if (streamish && !fm.perStreamContextsSupported) {
            return Slot.error(NtStatus.STATUS_NOT_SUPPORTED);
        }
        switch (type) {
            case VOLUME: {
                Volume volume = volumes.get(target.volume());
                return volume == null ? Slot.error(NtStatus.STATUS_INVALID_PARAMETER)
                        : new Slot(volume.contexts, instance.filter.handle, volume.contexts.tearingDown, null);
            }
            case INSTANCE:
                return new Slot(instance.contexts, instance.handle, instance.contexts.tearingDown, null);
            case TRANSACTION: {
                Transaction transaction = transactions.get(target.transaction());
                return transaction == null ? Slot.error(NtStatus.STATUS_INVALID_PARAMETER)
                        : new Slot(transaction.contexts, instance.filter.handle,
                        transaction.contexts.tearingDown || instance.contexts.tearingDown, null);
            }
            default: {
                FileObject fileObject = fileObjects.get(target.fileObject());
                if (fileObject == null) {
                    return Slot.error(type == ContextType.STREAMHANDLE && target.fileObject() == 0
                            ? NtStatus.STATUS_NOT_SUPPORTED : NtStatus.STATUS_INVALID_PARAMETER);
                }
                ContextHolder holder = type == ContextType.FILE ? fileObject.stream.file.contexts
                        : type == ContextType.STREAM ? fileObject.stream.contexts
                        : type == ContextType.SECTION ? fileObject.stream.sections : fileObject.handleContexts;
                return new Slot(holder, instance.handle, holder.tearingDown || instance.contexts.tearingDown, null);
            }
        }
    }

    private List<ContextHolder> holders() {
        List<ContextHolder> all = new ArrayList<>();
        for (Volume volume : volumes.values()) {
            all.add(volume.contexts);
            for (File file : volume.files.values()) {
                all.add(file.contexts);
                for (Stream stream : file.streams.values()) {
                    all.add(stream.contexts);
                    all.add(stream.sections);
                }
            }
        }
        instances.values().forEach(i -> all.add(i.contexts));
        fileObjects.values().forEach(f -> all.add(f.handleContexts));
        transactions.values().forEach(t -> all.add(t.contexts));
        return all;
    }

    /** Drops the attached reference of contexts an object no longer holds. */
    private void delete(List<ContextNode> removed) {
        removed.forEach(fm::dropReference);
    }

    private static ContextResult result(NtStatus status) {
        return new ContextResult(status, 0);
    }

    private static <T> T require(Map<Long, T> map, long handle, String what) {
        T object = map.get(handle);
        if (object == null) {
            throw new IllegalArgumentException(String.format("0x%X is not a %s of this filter manager", handle, what));
        }
        return object;
    }
}
