/* The model. My reading of the documents, in short:
 *  - each filter keeps, per context type, its definitions: up to three fixed sizes (ascending) and
 *    one variable-size definition, or a single definition with allocate/free routines;
 *  - a fixed-size definition owns two lookaside lists (paged, nonpaged) that keep freed entries with
 *    their old bytes; a variable-size definition takes memory straight from pool (zeroed from
 *    Windows 11); a routine definition asks the minifilter's allocate routine;
 *  - a context starts with one reference; at zero it is cleaned up and freed, later (in a work item)
 *    when the last release happens at DISPATCH_LEVEL. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXUSHORT 0xFFFF
#define NO_EXACT_SIZE_MATCH 0x0001
#define LOOKASIDE_DEPTH 64
#define FRESH_POOL_BYTE 0xA5       /* what never-initialised pool holds in this model */


static struct {
    enum winver version;
    filter filters[MAX_FILTERS];
    context *contexts;
    int context_count, context_capacity;
    callback_call *calls, *handed_out;
    int call_count, call_capacity;
    int *deferred;
    int deferred_count, deferred_capacity;
    int pool_failures, pool_grace, routine_failures, stream_contexts_supported;
    enum irql irql;
    int64_t outstanding_blocks, outstanding_bytes;
    chunk *reusable[2];    /* chunks given back to pool, per pool (0 nonpaged, 1 paged), newest first */
} fm;

void *grow(void *array, int *capacity, size_t element) {
    int wanted = *capacity ? *capacity * 2 : 64;
    void *grown = realloc(array, (size_t)wanted * element);
    if (!grown) {
        fputs("fltmodel: out of memory\n", stderr);
        exit(3);
    }
    *capacity = wanted;
    return grown;
}

/* ---- pool ---- */

/* Whether fault injection makes this pool or lookaside allocation fail. */
static int injected_failure(void) {
    if (fm.pool_failures <= 0) return 0;
    if (fm.pool_grace > 0) {
        fm.pool_grace--;
        return 0;
    }
    fm.pool_failures--;
    return 1;
}

/* A chunk of this pool: one given back earlier with its old bytes if one of the size is kept, else fresh.
 * Chunks are kept rather than handed to the C library, whose allocator would recycle one pool's memory for
 * the other. */
chunk *pool_take(size_t size, int zeroed, int paged) {
    if (injected_failure()) return NULL;
    chunk *c = NULL;
    for (chunk **link = &fm.reusable[paged ? 1 : 0]; *link; link = &(*link)->next) {
        if ((*link)->size == size) {
            c = *link;
            *link = c->next;
            break;
        }
    }
    if (c) {
        if (zeroed) memset(c->bytes, 0, size);
    } else {
        c = malloc(sizeof *c);
        unsigned char *bytes = malloc(size ? size : 1);
        if (!c || !bytes) {
            free(c);
            free(bytes);
            return NULL;
        }
        memset(bytes, zeroed ? 0 : FRESH_POOL_BYTE, size);
        c->bytes = bytes;
        c->size = size;
        c->paged = paged ? 1 : 0;
    }
    c->next = NULL;
    fm.outstanding_blocks++;
    fm.outstanding_bytes += (int64_t)size;
    return c;
}

void pool_give_back(chunk *c) {
    fm.outstanding_blocks--;
    fm.outstanding_bytes -= (int64_t)c->size;
    c->next = fm.reusable[c->paged];
    fm.reusable[c->paged] = c;
}

static void free_chunks(chunk *list) {
    while (list) {
        chunk *next = list->next;
        free(list->bytes);
        free(list);
        list = next;
    }
}

static chunk *lookaside_take(lookaside *list, size_t entry_size, int paged) {
    if (list->cached) {
        if (injected_failure()) return NULL;   /* an injected failure hits the list too */
        chunk *c = list->cached;
        list->cached = c->next;
        list->depth--;
        fm.outstanding_blocks++;
        fm.outstanding_bytes += (int64_t)c->size;
        return c;
    }
    return pool_take(entry_size, 0, paged);
}

static void lookaside_keep(lookaside *list, chunk *c) {
    if (list->depth >= LOOKASIDE_DEPTH) {
        pool_give_back(c);
        return;
    }
    fm.outstanding_blocks--;
    fm.outstanding_bytes -= (int64_t)c->size;
    c->next = list->cached;
    list->cached = c;
    list->depth++;
}

static void lookaside_empty(lookaside *list) {
    free_chunks(list->cached);
    list->cached = NULL;
    list->depth = 0;
}

/* ---- types and versions ---- */

/* Bit number 0..6 of a valid single type on this version, or -1. */
int type_slot(int context_type) {
    for (int bit = 0; bit < 7; bit++) {
        if (context_type == (1 << bit)) {
            if (context_type == 0x40 && fm.version < WIN_8) return -1;   /* sections: Windows 8 */
            return bit;
        }
    }
    return -1;
}

static int documented_pool(int pool_type) {
    return pool_type == NONPAGED_POOL || pool_type == PAGED_POOL
        || (pool_type == NONPAGED_POOL_NX && fm.version >= WIN_8);
}

/* ---- reset ---- */

void fm_reset(enum winver version) {
    objects_reset();
    for (int i = 0; i < fm.context_count; i++) {
        if (fm.contexts[i].memory) {
            free(fm.contexts[i].memory->bytes);
            free(fm.contexts[i].memory);
        }
    }
    for (int f = 0; f < MAX_FILTERS; f++) {
        for (int t = 0; t < 7; t++) {
            for (int d = 0; d < fm.filters[f].count[t]; d++) {
                lookaside_empty(&fm.filters[f].by_type[t][d].paged);
                lookaside_empty(&fm.filters[f].by_type[t][d].nonpaged);
            }
        }
    }
    free_chunks(fm.reusable[0]);
    free_chunks(fm.reusable[1]);
    fm.reusable[0] = fm.reusable[1] = NULL;
    memset(fm.filters, 0, sizeof fm.filters);
    fm.context_count = 0;
    fm.call_count = 0;
    fm.deferred_count = 0;
    fm.pool_failures = 0;
    fm.pool_grace = 0;
    fm.routine_failures = 0;
    fm.stream_contexts_supported = 1;
    fm.irql = PASSIVE_LEVEL;
    fm.outstanding_blocks = 0;
    fm.outstanding_bytes = 0;
    fm.version = version;
}

/* ---- registration ---- */

static int same_entry(const registration_entry *a, const registration_entry *b) {
    return a->context_type == b->context_type && a->flags == b->flags && a->size == b->size
        && a->pool_tag == b->pool_tag && a->has_cleanup == b->has_cleanup
        && a->has_allocate == b->has_allocate && a->has_free == b->has_free;
}

static NTSTATUS check_entry(const registration_entry *e) {
    if (type_slot(e->context_type) < 0) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
    if (e->flags & ~NO_EXACT_SIZE_MATCH) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
    /* My reading: the filter manager cannot free what it did not allocate, so the two routines come together. */
    if (e->has_allocate != e->has_free) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
    if (!e->has_allocate && e->size != VARIABLE_SIZE && (e->size < 0 || e->size > MAXUSHORT)) {
        return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
    }
    return STATUS_SUCCESS;
}

/* Puts a definition in its type's list; keeps routines alone, variable last, fixed sizes ascending and distinct. */
static NTSTATUS add_definition(filter *f, const registration_entry *e) {
    int slot = type_slot(e->context_type);
    definition *list = f->by_type[slot];
    int n = f->count[slot];
    for (int i = 0; i < n; i++) {
        if (same_entry(&list[i].entry, e)) return STATUS_SUCCESS;   /* identical: the first one counts */
    }
    int fixed = 0, variable = 0;
    for (int i = 0; i < n; i++) {
        if (list[i].kind == BY_ROUTINES || e->has_allocate) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
        if (list[i].kind == BY_POOL) variable++;
        if (list[i].kind == BY_LOOKASIDE) {
            fixed++;
            if (e->size == list[i].entry.size && !e->has_allocate) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
        }
    }
    definition d;
    memset(&d, 0, sizeof d);
    d.entry = *e;
    d.kind = e->has_allocate ? BY_ROUTINES : e->size == VARIABLE_SIZE ? BY_POOL : BY_LOOKASIDE;
    if ((d.kind == BY_POOL && variable >= 1) || (d.kind == BY_LOOKASIDE && fixed >= 3)) {
        return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;
    }
    /* insertion point: fixed sizes ascending, before the variable definition */
    int at = n;
    if (d.kind == BY_LOOKASIDE) {
        at = 0;
        while (at < n && list[at].kind == BY_LOOKASIDE && list[at].entry.size < e->size) at++;
    }
    memmove(&list[at + 1], &list[at], (size_t)(n - at) * sizeof *list);
    list[at] = d;
    f->count[slot] = n + 1;
    return STATUS_SUCCESS;
}

NTSTATUS fm_register_filter(const registration_entry *entries, int count, int has_array, int terminated,
                            uint64_t *filter_out) {
    *filter_out = 0;
    int index = 0;
    while (index < MAX_FILTERS && fm.filters[index].in_use) index++;
    if (index == MAX_FILTERS) return STATUS_INSUFFICIENT_RESOURCES;
    filter *f = &fm.filters[index];
    memset(f, 0, sizeof *f);
    if (has_array) {
        if (!terminated) return STATUS_FLT_INVALID_CONTEXT_REGISTRATION;   /* no {FLT_CONTEXT_END}: malformed */
        for (int i = 0; i < count; i++) {
            NTSTATUS status = check_entry(&entries[i]);
            if (status == STATUS_SUCCESS) status = add_definition(f, &entries[i]);
            if (status != STATUS_SUCCESS) {
                memset(f, 0, sizeof *f);
                return status;
            }
        }
    }
    f->in_use = 1;
    *filter_out = 0xF117E000ULL + (uint64_t)index * 0x100;
    return STATUS_SUCCESS;
}

filter *filter_of(uint64_t handle) {
    if (handle < 0xF117E000ULL || (handle - 0xF117E000ULL) % 0x100 != 0) return NULL;
    uint64_t index = (handle - 0xF117E000ULL) / 0x100;
    if (index >= MAX_FILTERS || !fm.filters[index].in_use) return NULL;
    return &fm.filters[index];
}

/* ---- allocation ---- */

static void record_call(char kind, int pool_type, int64_t size, int context_type, uint64_t address) {
    if (fm.call_count == fm.call_capacity) {
        fm.calls = grow(fm.calls, &fm.call_capacity, sizeof *fm.calls);
    }
    callback_call *c = &fm.calls[fm.call_count++];
    c->kind = kind;
    c->pool_type = pool_type;
    c->size = size;
    c->context_type = context_type;
    c->address = address;
    c->irql = fm.irql;
}

/* The kit's minifilter's allocate routine: it allocates from pool itself, unless told to return NULL. */
static chunk *minifilter_allocate(int pool_type, size_t size, int context_type) {
    chunk *c = NULL;
    if (fm.routine_failures > 0) {
        fm.routine_failures--;
    } else {
        c = pool_take(size, 0, pool_type == PAGED_POOL);
    }
    record_call('A', pool_type, (int64_t)size, context_type, c ? (uint64_t)(uintptr_t)c->bytes : 0);
    return c;
}

static definition *choose_definition(filter *f, int slot, int64_t size) {
    for (int i = 0; i < f->count[slot]; i++) {
        definition *d = &f->by_type[slot][i];
        if (d->kind != BY_LOOKASIDE) return d;
        if (d->entry.size == size || ((d->entry.flags & NO_EXACT_SIZE_MATCH) && d->entry.size >= size)) return d;
    }
    return NULL;
}

NTSTATUS fm_allocate_context(uint64_t filter_handle, int context_type, int64_t context_size, int pool_type,
                             uint64_t *context_out) {
    *context_out = 0;
    filter *f = filter_of(filter_handle);
    if (!f) return STATUS_INVALID_PARAMETER;
    if ((uint64_t)context_size > MAXUSHORT) return STATUS_INVALID_BUFFER_SIZE;
    int slot = type_slot(context_type);
    if (slot < 0 || context_size == 0) return STATUS_INVALID_PARAMETER;
    if (context_type == 0x0001 && pool_type == PAGED_POOL) return STATUS_FLT_MUST_BE_NONPAGED_POOL;
    if (f->tearing_down) return STATUS_FLT_DELETING_OBJECT;
    if ((context_type == 0x0008 || context_type == 0x0010) && !fm.stream_contexts_supported) return STATUS_NOT_SUPPORTED;
    definition *d = choose_definition(f, slot, context_size);
    if (!d) return STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND;

    chunk *memory;
    enum origin origin;
    size_t whole = FILTER_HEADER_BYTES + (size_t)context_size;
    if (d->kind == BY_ROUTINES) {
        memory = minifilter_allocate(pool_type, whole, context_type);
        origin = FROM_ALLOCATE_CALLBACK;
    } else if (d->kind == BY_POOL) {
        memory = pool_take(whole, fm.version >= WIN_11, pool_type == PAGED_POOL);
        origin = FROM_POOL;
    } else if (!documented_pool(pool_type)) {
        /* an undocumented pool type skips the lookaside lists */
        memory = pool_take(FILTER_HEADER_BYTES + (size_t)d->entry.size, 0, pool_type == PAGED_POOL);
        origin = FROM_POOL;
    } else if (pool_type == PAGED_POOL) {
        memory = lookaside_take(&d->paged, FILTER_HEADER_BYTES + (size_t)d->entry.size, 1);
        origin = FROM_PAGED_LOOKASIDE;
    } else {
        memory = lookaside_take(&d->nonpaged, FILTER_HEADER_BYTES + (size_t)d->entry.size, 0);
        origin = FROM_NONPAGED_LOOKASIDE;
    }
    if (!memory) return STATUS_INSUFFICIENT_RESOURCES;

    if (fm.context_count == fm.context_capacity) {
        fm.contexts = grow(fm.contexts, &fm.context_capacity, sizeof *fm.contexts);
    }
    context *c = &fm.contexts[fm.context_count++];
    memset(c, 0, sizeof *c);
    c->address = (uint64_t)(uintptr_t)memory->bytes + FILTER_HEADER_BYTES;
    c->memory = memory;
    c->owner = f;
    c->definition = d;
    c->context_type = context_type;
    c->pool_type = pool_type;
    /* a fixed-size definition hands out its whole registered size, even for a smaller request */
    c->size = d->kind == BY_LOOKASIDE ? d->entry.size : context_size;
    c->origin = origin;
    c->references = 1;
    c->alive = 1;
    *context_out = c->address;
    return STATUS_SUCCESS;
}

/* ---- life cycle ---- */

/* Newest first: an address handed out again belongs to the newest context. */
int context_index(uint64_t address) {
    for (int i = fm.context_count - 1; i >= 0; i--) {
        if (fm.contexts[i].address == address) return i;
    }
    return -1;
}

context *context_record(int index) {
    return index >= 0 && index < fm.context_count ? &fm.contexts[index] : NULL;
}

enum winver model_version(void) { return fm.version; }
int model_stream_support(void) { return fm.stream_contexts_supported; }

uint64_t filter_handle(const filter *f) {
    return 0xF117E000ULL + (uint64_t)(f - fm.filters) * 0x100;
}

static void free_context(context *c) {
    definition *d = c->definition;
    if (d->entry.has_cleanup) {
        c->cleanup_calls++;
        record_call('C', -1, -1, c->context_type, c->address);
    }
    c->alive = 0;
    c->free_pending = 0;
    chunk *memory = c->memory;
    c->memory = NULL;
    switch (c->origin) {
    case FROM_ALLOCATE_CALLBACK:
        record_call('F', -1, -1, c->context_type, (uint64_t)(uintptr_t)memory->bytes);
        pool_give_back(memory);
        break;
    case FROM_PAGED_LOOKASIDE:
        lookaside_keep(&d->paged, memory);
        break;
    case FROM_NONPAGED_LOOKASIDE:
        lookaside_keep(&d->nonpaged, memory);
        break;
    default:
        pool_give_back(memory);
    }
}

static void raise_bug(bug_check *bug, uint64_t parameter1, const char *what, uint64_t address) {
    bug->raised = 1;
    bug->code = 0xF5;   /* FLTMGR_FILE_SYSTEM */
    bug->parameter1 = parameter1;
    snprintf(bug->description, sizeof bug->description, "%s 0x%llX", what, (unsigned long long)address);
}

int fm_reference_context(uint64_t address, bug_check *bug) {
    int i = context_index(address);
    if (i < 0) return 0;
    context *c = &fm.contexts[i];
    if (!c->alive) {
        raise_bug(bug, 0x6E, "FltReferenceContext on a freed context", address);
        return 1;
    }
    c->references++;
    return 1;
}

/* At zero: cleaned up and freed now, or by a work item when the reference went at DISPATCH_LEVEL. */
static void last_reference_gone(int i) {
    context *c = &fm.contexts[i];
    if (fm.irql >= DISPATCH_LEVEL) {
        if (fm.deferred_count == fm.deferred_capacity) {
            fm.deferred = grow(fm.deferred, &fm.deferred_capacity, sizeof *fm.deferred);
        }
        c->free_pending = 1;
        fm.deferred[fm.deferred_count++] = i;
    } else {
        free_context(c);
    }
}

void context_drop(context *c) {
    if (c->alive && c->references > 0 && --c->references == 0) last_reference_gone((int)(c - fm.contexts));
}

int fm_release_context(uint64_t address, bug_check *bug) {
    int i = context_index(address);
    if (i < 0) return 0;
    context *c = &fm.contexts[i];
    if (!c->alive || c->references <= 0) {
        raise_bug(bug, 0x6D, "FltReleaseContext released a context once too often:", address);
        return 1;
    }
    if (c->references == 1 && c->attached) {
        raise_bug(bug, 0x6D, "the last reference went while the context was still set on an object:", address);
        return 1;
    }
    if (--c->references == 0) last_reference_gone(i);
    return 1;
}

int fm_delete_context(uint64_t address, bug_check *bug) {
    (void)bug;
    int i = context_index(address);
    if (i < 0) return 0;
    /* Unlinks it from its object and drops the object's reference; the caller's own reference stays. */
    if (fm.contexts[i].alive && objects_unlink(&fm.contexts[i])) context_drop(&fm.contexts[i]);
    return 1;
}

void fm_run_deferred_work(void) {
    enum irql saved = fm.irql;
    fm.irql = PASSIVE_LEVEL;
    for (int k = 0; k < fm.deferred_count; k++) {
        context *c = &fm.contexts[fm.deferred[k]];
        if (c->alive && c->free_pending) free_context(c);
    }
    fm.deferred_count = 0;
    fm.irql = saved;
}

/* ---- observation ---- */

int fm_inspect(uint64_t address, context_view *view) {
    int i = context_index(address);
    if (i < 0) return 0;
    context *c = &fm.contexts[i];
    view->alive = c->alive;
    view->reference_count = c->references;
    view->context_type = c->context_type;
    view->size = c->size;
    view->pool_type = c->pool_type;
    view->origin = c->origin;
    view->attached = c->attached;
    view->cleanup_calls = c->cleanup_calls;
    return 1;
}

static unsigned char *minifilter_part(uint64_t address, int64_t offset, int64_t length, int *verdict) {
    int i = context_index(address);
    if (i < 0 || !fm.contexts[i].alive) {
        *verdict = 0;
        return NULL;
    }
    context *c = &fm.contexts[i];
    if (offset < 0 || length < 0 || offset + length > c->size) {
        *verdict = -1;
        return NULL;
    }
    *verdict = 1;
    return c->memory->bytes + FILTER_HEADER_BYTES + offset;
}

int fm_read(uint64_t address, int64_t offset, int64_t length, unsigned char *out) {
    int verdict;
    unsigned char *part = minifilter_part(address, offset, length, &verdict);
    if (part) memcpy(out, part, (size_t)length);
    return verdict;
}

int fm_write(uint64_t address, int64_t offset, int64_t length, const unsigned char *data) {
    int verdict;
    unsigned char *part = minifilter_part(address, offset, length, &verdict);
    if (part) memcpy(part, data, (size_t)length);
    return verdict;
}

const callback_call *fm_take_callback_calls(int *count) {
    /* swap buffers so the caller can read while new calls are recorded */
    callback_call *taken = fm.calls;
    int taken_capacity = fm.call_capacity;
    *count = fm.call_count;
    free(fm.handed_out);
    fm.handed_out = taken;
    fm.calls = NULL;
    fm.call_capacity = 0;
    fm.call_count = 0;
    (void)taken_capacity;
    return taken;
}

void fm_pool(int64_t *blocks, int64_t *bytes, int64_t *live_contexts) {
    int64_t live = 0;
    for (int i = 0; i < fm.context_count; i++) live += fm.contexts[i].alive;
    *blocks = fm.outstanding_blocks;
    *bytes = fm.outstanding_bytes;
    *live_contexts = live;
}

/* ---- fault injection ---- */

void fm_fail_pool(int count) { fm.pool_grace = 0; fm.pool_failures = count; }
void fm_fail_pool_after(int successes, int count) { fm.pool_grace = successes; fm.pool_failures = count; }
void fm_fail_allocate_callback(int count) { fm.routine_failures = count; }
void fm_set_stream_support(int supported) { fm.stream_contexts_supported = supported; }
void fm_set_irql(enum irql level) { fm.irql = level; }

int fm_begin_filter_teardown(uint64_t handle) {
    filter *f = filter_of(handle);
    if (!f) return 0;
    f->tearing_down = 1;
    return 1;
}

int fm_unload_filter(uint64_t handle) {
    filter *f = filter_of(handle);
    if (!f) return 0;
    f->tearing_down = 1;   /* it hands out no more contexts */
    objects_filter_unloaded(f);
    return 1;
}
