package fltkit.explore;

import fltkit.spi.NtStatus;

import java.util.List;
import java.util.Set;

/**
 * Where the documents leave the implementation a choice, and what exploration therefore does not compare.
 * The reference model picks one answer in each of these places; it is not an oracle there. Every place in
 * the explorer that declines to compare, accepts more than the reference's answer, or never makes a call
 * names its entry here, so this table is the whole list.
 *
 * <p>Three treatments: {@link Treatment#ALLOWED} (the check accepts any of the listed statuses),
 * {@link Treatment#NOT_COMPARED} (the observation is made but never judged), {@link Treatment#NOT_GENERATED}
 * (the generator does not make the call, because its outcome is open and would make the two
 * implementations' states part ways, or because only a minifilter breaking its contract would make it).
 */
public enum Freedoms {
    // ---- From the features' "Kit reading:" lines and IMPLEMENTATION-DEFINED rules ----

    /** FltAllocateContext.feature, ALLOC-006, Kit reading: "an invalid type must fail with one of the two codes". */
    ALLOC_006("ALLOC-006", "which of STATUS_INVALID_PARAMETER and STATUS_NOT_SUPPORTED an invalid ContextType fails with",
            Treatment.ALLOWED, NtStatus.STATUS_INVALID_PARAMETER, NtStatus.STATUS_NOT_SUPPORTED),
    /**
     * FltAllocateContext.feature, ALLOC-012, Kit reading: "a stream or stream-handle allocation either succeeds or
     * fails with STATUS_NOT_SUPPORTED".
     */
    ALLOC_012("ALLOC-012", "whether a stream or stream handle allocation succeeds without per-stream context support",
            Treatment.ALLOWED, NtStatus.STATUS_SUCCESS, NtStatus.STATUS_NOT_SUPPORTED),
    /** ContextRegistration.feature, REG-011 (IMPLEMENTATION-DEFINED): lookaside list or pool. */
    REG_011("REG-011", "where a fixed-size context's memory comes from (lookaside list or pool)", Treatment.NOT_COMPARED),
    /** ContextZeroing.feature, ZERO-002 (IMPLEMENTATION-DEFINED): lookaside entries may keep old bytes. */
    ZERO_002("ZERO-002", "the contents of a fixed-size context on Windows 11", Treatment.NOT_COMPARED),
    /** ContextZeroing.feature, ZERO-003 (IMPLEMENTATION-DEFINED): what the allocate callback left. */
    ZERO_003("ZERO-003", "the contents of a context from the minifilter's allocate callback on Windows 11", Treatment.NOT_COMPARED),
    /** ContextZeroing.feature, ZERO-004 (IMPLEMENTATION-DEFINED): "not zeroed" read as "not promised zero". */
    ZERO_004("ZERO-004", "the contents of every context before Windows 11", Treatment.NOT_COMPARED),
    /** SetContext.feature, SET-007, Kit reading: "the kit records what the implementation writes". */
    SET_007("SET-007", "what OldContext receives when a REPLACE_IF_EXISTS set finds no context", Treatment.NOT_COMPARED),
    /** ContextAllocateCallback.feature, ACB-008, Kit reading: "passing NonPagedPoolNx through and mapping it ... are both plausible". */
    ACB_008("ACB-008", "the pool type the allocate callback is asked for when the minifilter asks for NonPagedPoolNx",
            Treatment.NOT_COMPARED),
    /**
     * ContextAllocateCallback.feature, ACB-003 and ACB-009: Size covers the filter manager's portion too, whose size
     * no page gives; only "more than the minifilter's portion" is compared, never the reference's header size (ACB-009,
     * one portion size per type within one filter manager, is left to its scenario).
     */
    ACB_003("ACB-003", "how large the filter manager's own portion of a context is", Treatment.NOT_COMPARED),
    /** CallbackData.feature, CBD-006, Kit reading: "failing and succeeding are both allowed". */
    CBD_006("CBD-006", "the status of an I/O without preallocated memory while the pool is exhausted", Treatment.NOT_COMPARED),
    /** CallbackData.feature, CBD-007, Kit reading: "the flag promises nothing about the file system's memory". */
    CBD_007("CBD-007", "the status of an I/O the file system fails for lack of its own memory", Treatment.NOT_GENERATED),
    /** DeleteContext.feature, DEL-005 (IMPLEMENTATION-DEFINED) and DEL-004's Kit reading: file contexts are left out. */
    DEL_005("DEL-005", "what FltDeleteFileContext does while the file or instance is torn down; either answer would make "
            + "the implementations' file context slots part ways", Treatment.NOT_GENERATED),
    /**
     * ContextCleanupAndFree.feature, FREE-006: the freeing is deferred to a work item, and the scenarios look only
     * after "the deferred work runs". Until then the context may already be freed or not.
     */
    FREE_006("FREE-006", "when, before the deferred work runs, a context released to zero at DISPATCH_LEVEL is freed",
            Treatment.NOT_COMPARED),
    /** FltAllocateContext.feature, ALLOC-017 and ALLOC-018: PagedPool is the caller's mistake, NonPagedPoolNx undocumented. */
    ALLOC_018("ALLOC-018", "volume contexts from any pool but NonPagedPool", Treatment.NOT_GENERATED),

    // ---- The kit's own readings, where no rule speaks (KIT- keys, never documented rule IDs) ----

    /** fltkit.spi.FilterManager: "Handles ... are opaque non-zero numbers"; memory is recycled as the allocator likes. */
    KIT_HANDLES("KIT-EXPLORE-101", "the values of filter, context, object and callback data handles, and which freed memory "
            + "an allocation reuses: contexts are compared by the names the minifilter gave them, and a name whose "
            + "address another allocation has taken is no longer inspected", Treatment.NOT_COMPARED),
    /** PoolSnapshot counts blocks "headers included"; the documents size neither headers nor internal blocks. */
    KIT_POOL_SIZES("KIT-EXPLORE-102", "outstanding bytes and blocks across the two implementations, and the pool while "
            + "the minifilter still holds something: each side's pool is compared with what that side noted, only when "
            + "both hold nothing", Treatment.NOT_COMPARED),
    /** ALLOC-010 says a pool failure fails the call; no page says how many pool allocations a routine makes. */
    KIT_POOL_COUNTS("KIT-EXPLORE-103", "how many pool allocations one routine makes: pool faults are injected only as "
            + "\"the pool fails every allocation\", never as a count", Treatment.NOT_GENERATED),
    /** No page orders the checks behind the documented failure statuses. */
    KIT_ERROR_ORDER("KIT-EXPLORE-104", "which status wins when two documented failures apply to one call: the generator "
            + "makes calls with at most one reason to fail", Treatment.NOT_GENERATED),
    /** "Deleting Contexts" does not order the deletions one object's teardown causes. */
    KIT_CALLBACK_ORDER("KIT-EXPLORE-105", "the order of the callbacks of different contexts within one call (only each "
            + "context's own cleanup-before-free order is compared), and the IRQL of a callback below DISPATCH_LEVEL",
            Treatment.NOT_COMPARED),
    /**
     * The documents say nothing of routines called on objects that are gone (a detached instance, a dismounted
     * volume, an unloaded filter, an ended transaction, a file with no open handle), of sections on objects being
     * torn down, of typed deletes of other types while only the instance is torn down, or of FltGetContexts with
     * FLT_SECTION_CONTEXT (UNCONFIRMED in the facts): a well-behaved minifilter does not make those calls.
     */
    KIT_GONE_OBJECTS("KIT-EXPLORE-106", "what routines do on objects that are gone or whose outcome no page states",
            Treatment.NOT_GENERATED),
    /** CALLER-CONTRACT rules (REG-002, ALLOC-008, ALLOC-015, ALLOC-017, ALLOC-019, REF-008, REF-009, DEL-009, SEC-008, CBD-011). */
    KIT_CALLER_CONTRACT("KIT-EXPLORE-107", "anything a minifilter breaking its contract would do", Treatment.NOT_GENERATED);

    /** How the explorer treats the freedom. */
    public enum Treatment { ALLOWED, NOT_COMPARED, NOT_GENERATED }

    private final String ruleId;
    private final String free;
    private final Treatment treatment;
    private final List<NtStatus> allowed;

    Freedoms(String ruleId, String free, Treatment treatment, NtStatus... allowed) {
        this.ruleId = ruleId;
        this.free = free;
        this.treatment = treatment;
        this.allowed = List.of(allowed);
    }

    /** The rule the freedom belongs to (a documented rule ID, or a KIT- ID for the kit's own readings). */
    public String ruleId() {
        return ruleId;
    }

    /** What the implementation may choose. */
    public String free() {
        return free;
    }

    public Treatment treatment() {
        return treatment;
    }

    /** For {@link Treatment#ALLOWED}: the statuses any of which conforms. */
    public List<NtStatus> allowed() {
        return allowed;
    }

    public boolean allows(NtStatus status) {
        return Set.copyOf(allowed).contains(status);
    }
}
