/* fltmodel: the C model of the Filter Manager context API, speaking the kit's process protocol v1
 * on stdin/stdout (one JSON request per line in, one JSON answer per line out). Diagnostics go to
 * stderr, which the kit shows when something goes wrong. */
#include "fltmgr.h"
#include "json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROTOCOL_VERSION 1

static const char *const PROFILES[] = { "vista", "win7", "win8", "win10", "win11" };
static const char *const ORIGINS[] = { "PAGED_LOOKASIDE", "NONPAGED_LOOKASIDE", "POOL", "ALLOCATE_CALLBACK" };
static const char *const IRQLS[] = { "PASSIVE_LEVEL", "APC_LEVEL", "DISPATCH_LEVEL" };

/* Test hook for the kit's robustness tests: misbehave on FltAllocateContext of one ContextSize. */
static struct { const char *mode; int64_t size; } sabotage;

static void misbehave(void) {
    fprintf(stderr, "fltmodel: sabotage '%s' on purpose\n", sabotage.mode);
    fflush(stderr);
    if (strcmp(sabotage.mode, "hang") == 0) {
        for (;;) getchar() == EOF ? exit(0) : (void)0;   /* never answers; leaves when the kit closes stdin */
    }
    if (strcmp(sabotage.mode, "exit") == 0) exit(7);
    fputs("<<this is not the protocol>>\n", stdout);       /* garbage */
    fflush(stdout);
}

typedef struct answer {
    jbuf out;
    int64_t id;
} answer;

static void begin_result(answer *a) {
    jb_printf(&a->out, "{\"id\":%lld,\"result\":{", (long long)a->id);
}

static void error_answer(answer *a, const char *kind, const char *message) {
    a->out.length = 0;
    jb_printf(&a->out, "{\"id\":%lld,\"error\":{\"kind\":\"%s\",\"message\":", (long long)a->id, kind);
    jb_string(&a->out, message);
    jb_printf(&a->out, "}}");
}

static void bug_check_answer(answer *a, const bug_check *bug) {
    a->out.length = 0;
    jb_printf(&a->out, "{\"id\":%lld,\"bugCheck\":{\"code\":\"0x%X\",\"parameter1\":\"0x%llX\",\"description\":",
              (long long)a->id, bug->code, (unsigned long long)bug->parameter1);
    jb_string(&a->out, bug->description);
    jb_printf(&a->out, "}}");
}

static void status_member(answer *a, NTSTATUS status) {
    jb_printf(&a->out, "\"status\":\"0x%08X\"", (unsigned)status);
}

static int profile_version(const char *name, enum winver *version) {
    for (int i = 0; i < 5; i++) {
        if (name && strcmp(name, PROFILES[i]) == 0) {
            *version = (enum winver)i;
            return 1;
        }
    }
    return 0;
}

static void hello(answer *a) {
    begin_result(a);
    jb_printf(&a->out, "\"protocol\":%d,\"implementation\":{\"name\":\"fltmodel (C)\",\"version\":\"1.0.0\","
              "\"vendor\":\"fltkit\",\"language\":\"C\"},\"profiles\":[\"vista\",\"win7\",\"win8\",\"win10\",\"win11\"],"
              "\"capabilities\":[\"context-memory\",\"context-inspection\",\"callback-events\",\"allocate-callback\","
              "\"variable-size\",\"no-exact-size-match\",\"pool-accounting\",\"pool-faults\",\"filter-teardown\","
              "\"stream-support-toggle\",\"irql\",\"objects\",\"transactions\",\"sections\",\"callback-data\"]}}", PROTOCOL_VERSION);
}

static void register_filter(answer *a, const jnode *args) {
    const jnode *array = json_member(args, "registrations");
    int ok = 1;
    int terminated = json_bool(args, "terminated", &ok);
    if (!ok || !array || (array->type != J_ARR && array->type != J_NULL)) {
        error_answer(a, "invalid-argument", "registerFilter needs 'registrations' (array or null) and 'terminated'");
        return;
    }
    int count = 0;
    for (const jnode *e = array->type == J_ARR ? array->first : NULL; e; e = e->next) count++;
    registration_entry *entries = calloc((size_t)count + 1, sizeof *entries);
    int i = 0;
    for (const jnode *e = array->type == J_ARR ? array->first : NULL; e; e = e->next, i++) {
        entries[i].context_type = (int)json_int(e, "contextType", &ok);
        entries[i].flags = (int)json_int(e, "flags", &ok);
        entries[i].size = json_int(e, "size", &ok);
        entries[i].pool_tag = (uint32_t)json_int(e, "poolTag", &ok);
        entries[i].has_cleanup = json_bool(e, "cleanupCallback", &ok);
        entries[i].has_allocate = json_bool(e, "allocateCallback", &ok);
        entries[i].has_free = json_bool(e, "freeCallback", &ok);
    }
    if (!ok) {
        free(entries);
        error_answer(a, "invalid-argument", "a registration entry lacks a member");
        return;
    }
    uint64_t handle;
    NTSTATUS status = fm_register_filter(entries, count, array->type == J_ARR, terminated, &handle);
    free(entries);
    begin_result(a);
    status_member(a, status);
    jb_printf(&a->out, ",\"filter\":%llu}}", (unsigned long long)handle);
}

static void allocate_context(answer *a, const jnode *args) {
    int ok = 1;
    uint64_t filter = (uint64_t)json_int(args, "filter", &ok);
    int type = (int)json_int(args, "contextType", &ok);
    int64_t size = json_int(args, "contextSize", &ok);
    int pool = (int)json_int(args, "poolType", &ok);
    if (!ok) {
        error_answer(a, "invalid-argument", "allocateContext needs filter, contextType, contextSize, poolType");
        return;
    }
    if (sabotage.mode && size == sabotage.size) {
        misbehave();
        a->out.length = 0;
        jb_printf(&a->out, "{\"id\":%lld,\"result\":{}}", (long long)a->id);   /* late, and for nothing */
        return;
    }
    uint64_t context;
    NTSTATUS status = fm_allocate_context(filter, type, size, pool, &context);
    begin_result(a);
    status_member(a, status);
    jb_printf(&a->out, ",\"returnedContext\":%llu}}", (unsigned long long)context);
}

static void life_cycle(answer *a, const jnode *args, int (*routine)(uint64_t, bug_check *)) {
    int ok = 1;
    uint64_t context = (uint64_t)json_int(args, "context", &ok);
    bug_check bug = { 0 };
    if (!ok || !routine(context, &bug)) {
        error_answer(a, "invalid-argument", "not a context this filter manager allocated");
        return;
    }
    if (bug.raised) {
        bug_check_answer(a, &bug);
        return;
    }
    begin_result(a);
    jb_printf(&a->out, "}}");
}

static void inspect(answer *a, const jnode *args) {
    int ok = 1;
    context_view v;
    uint64_t context = (uint64_t)json_int(args, "context", &ok);
    if (!ok || !fm_inspect(context, &v)) {
        error_answer(a, "invalid-argument", "not a context this filter manager allocated");
        return;
    }
    begin_result(a);
    jb_printf(&a->out, "\"alive\":%s,\"referenceCount\":%d,\"contextType\":%d,\"size\":%lld,\"poolType\":%d,"
              "\"origin\":\"%s\",\"attached\":%s,\"cleanupCalls\":%d}}", v.alive ? "true" : "false",
              v.reference_count, v.context_type, (long long)v.size, v.pool_type, ORIGINS[v.origin],
              v.attached ? "true" : "false", v.cleanup_calls);
}

static void read_context(answer *a, const jnode *args) {
    int ok = 1;
    uint64_t context = (uint64_t)json_int(args, "context", &ok);
    int64_t offset = json_int(args, "offset", &ok);
    int64_t length = json_int(args, "length", &ok);
    if (!ok || length < 0 || length > 0x10000) {
        error_answer(a, "invalid-argument", "readContext needs context, offset, length");
        return;
    }
    unsigned char *bytes = malloc((size_t)length + 1);
    int verdict = fm_read(context, offset, length, bytes);
    if (verdict <= 0) {
        free(bytes);
        error_answer(a, "invalid-argument", verdict == 0 ? "not a live context" : "outside the minifilter's part");
        return;
    }
    begin_result(a);
    jb_printf(&a->out, "\"data\":\"");
    for (int64_t i = 0; i < length; i++) jb_printf(&a->out, "%02x", bytes[i]);
    jb_printf(&a->out, "\"}}");
    free(bytes);
}

static void write_context(answer *a, const jnode *args) {
    int ok = 1;
    uint64_t context = (uint64_t)json_int(args, "context", &ok);
    int64_t offset = json_int(args, "offset", &ok);
    const char *hex = json_str(args, "data");
    size_t digits = hex ? strlen(hex) : 1;
    if (!ok || digits % 2 != 0) {
        error_answer(a, "invalid-argument", "writeContext needs context, offset and data as pairs of hex digits");
        return;
    }
    unsigned char *bytes = malloc(digits / 2 + 1);
    for (size_t i = 0; i < digits / 2; i++) {
        unsigned value;
        if (sscanf(hex + 2 * i, "%2x", &value) != 1) {
            free(bytes);
            error_answer(a, "invalid-argument", "data is not hex");
            return;
        }
        bytes[i] = (unsigned char)value;
    }
    int verdict = fm_write(context, offset, (int64_t)(digits / 2), bytes);
    free(bytes);
    if (verdict <= 0) {
        error_answer(a, "invalid-argument", verdict == 0 ? "not a live context" : "outside the minifilter's part");
        return;
    }
    begin_result(a);
    jb_printf(&a->out, "}}");
}

static void take_events(answer *a) {
    int count;
    const callback_call *calls = fm_take_callback_calls(&count);
    begin_result(a);
    jb_printf(&a->out, "\"events\":[");
    for (int i = 0; i < count; i++) {
        const callback_call *c = &calls[i];
        const char *kind = c->kind == 'A' ? "ALLOCATE" : c->kind == 'C' ? "CLEANUP" : "FREE";
        jb_printf(&a->out, "%s{\"kind\":\"%s\",\"poolType\":%d,\"size\":%lld,\"contextType\":%d,\"address\":%llu,"
                  "\"irql\":\"%s\"}", i ? "," : "", kind, c->pool_type, (long long)c->size, c->context_type,
                  (unsigned long long)c->address, IRQLS[c->irql]);
    }
    jb_printf(&a->out, "]}}");
}

static void empty_result(answer *a) {
    begin_result(a);
    jb_printf(&a->out, "}}");
}

static int count_arg(answer *a, const jnode *args, int *count) {
    int ok = 1;
    *count = (int)json_int(args, "count", &ok);
    if (!ok) error_answer(a, "invalid-argument", "needs 'count'");
    return ok;
}

static void filter_op(answer *a, const jnode *args, int (*routine)(uint64_t)) {
    int ok = 1;
    uint64_t filter = (uint64_t)json_int(args, "filter", &ok);
    if (!ok || !routine(filter)) {
        error_answer(a, "invalid-argument", "not a registered filter");
        return;
    }
    empty_result(a);
}

static int read_target(const jnode *args, target *t) {
    const jnode *m = json_member(args, "target");
    int ok = m != NULL;
    t->instance = (uint64_t)json_int(m, "instance", &ok);
    t->volume = (uint64_t)json_int(m, "volume", &ok);
    t->file_object = (uint64_t)json_int(m, "fileObject", &ok);
    t->transaction = (uint64_t)json_int(m, "transaction", &ok);
    return ok;
}

static void status_and(answer *a, NTSTATUS status, const char *member, uint64_t value) {
    begin_result(a);
    status_member(a, status);
    jb_printf(&a->out, ",\"%s\":%llu}}", member, (unsigned long long)value);
}

static void handle_result(answer *a, const char *member, uint64_t value) {
    if (!value) {
        error_answer(a, "invalid-argument", "unknown or gone parent object");
        return;
    }
    begin_result(a);
    jb_printf(&a->out, "\"%s\":%llu}}", member, (unsigned long long)value);
}

static void done_or_unknown(answer *a, int done) {
    if (done) empty_result(a);
    else error_answer(a, "invalid-argument", "unknown handle");
}

/* The operations of the objects, transactions, sections and callback-data capabilities; 0 if op is none of them. */
static int dispatch_objects(answer *a, const char *op, const jnode *args) {
    int ok = 1;
    target t;
    uint64_t out = 0;
    int type = (int)json_int(args, "contextType", &ok);
    ok = 1;
    if (strcmp(op, "mountVolume") == 0) {
        handle_result(a, "volume", fm_mount_volume());
    } else if (strcmp(op, "attachInstance") == 0) {
        handle_result(a, "instance", fm_attach_instance((uint64_t)json_int(args, "filter", &ok),
                                                        (uint64_t)json_int(args, "volume", &ok)));
    } else if (strcmp(op, "detachInstance") == 0) {
        done_or_unknown(a, fm_detach_instance((uint64_t)json_int(args, "instance", &ok)));
    } else if (strcmp(op, "dismountVolume") == 0) {
        done_or_unknown(a, fm_dismount_volume((uint64_t)json_int(args, "volume", &ok)));
    } else if (strcmp(op, "openFile") == 0) {
        handle_result(a, "fileObject", fm_open_file((uint64_t)json_int(args, "instance", &ok),
                                                    json_str(args, "fileName"), json_str(args, "streamName")));
    } else if (strcmp(op, "closeFile") == 0) {
        done_or_unknown(a, fm_close_file((uint64_t)json_int(args, "fileObject", &ok)));
    } else if (strcmp(op, "beginObjectTeardown") == 0) {
        done_or_unknown(a, read_target(args, &t) && fm_begin_object_teardown(type, &t));
    } else if (strcmp(op, "setContext") == 0) {
        int operation = (int)json_int(args, "operation", &ok);
        uint64_t new_context = (uint64_t)json_int(args, "newContext", &ok);
        int want_old = json_bool(args, "wantOldContext", &ok);
        if (!ok || !read_target(args, &t)) { error_answer(a, "invalid-argument", "setContext arguments"); return 1; }
        NTSTATUS status = fm_set_context(type, &t, operation, new_context, want_old, &out);
        status_and(a, status, "context", out);
    } else if (strcmp(op, "getContext") == 0) {
        if (!read_target(args, &t)) { error_answer(a, "invalid-argument", "getContext needs a target"); return 1; }
        NTSTATUS status = fm_get_context(type, &t, &out);
        status_and(a, status, "context", out);
    } else if (strcmp(op, "deleteTypedContext") == 0) {
        int want_old = json_bool(args, "wantOldContext", &ok);
        if (!ok || !read_target(args, &t)) { error_answer(a, "invalid-argument", "deleteTypedContext arguments"); return 1; }
        NTSTATUS status = fm_delete_typed_context(type, &t, want_old, &out);
        status_and(a, status, "context", out);
    } else if (strcmp(op, "closeSectionForDataScan") == 0) {
        NTSTATUS status = fm_close_section((uint64_t)json_int(args, "sectionContext", &ok));
        begin_result(a);
        status_member(a, status);
        jb_printf(&a->out, "}}");
    } else if (strcmp(op, "getContexts") == 0) {
        uint64_t found[7];
        int desired = (int)json_int(args, "desiredContexts", &ok);
        if (!ok || !read_target(args, &t)) { error_answer(a, "invalid-argument", "getContexts arguments"); return 1; }
        NTSTATUS status = fm_get_contexts(&t, desired, found);
        begin_result(a);
        status_member(a, status);
        jb_printf(&a->out, ",\"contexts\":[");
        int first = 1;
        for (int bit = 0; bit < 7; bit++) {
            if (!found[bit]) continue;
            jb_printf(&a->out, "%s{\"contextType\":%d,\"context\":%llu}", first ? "" : ",", 1 << bit,
                      (unsigned long long)found[bit]);
            first = 0;
        }
        jb_printf(&a->out, "]}}");
    } else if (strcmp(op, "releaseContexts") == 0) {
        const jnode *list = json_member(args, "contexts");
        for (const jnode *e = list && list->type == J_ARR ? list->first : NULL; e; e = e->next) {
            bug_check bug = { 0 };
            uint64_t context = (uint64_t)json_int(e, "context", &ok);
            if (!fm_release_context(context, &bug)) { error_answer(a, "invalid-argument", "unknown context"); return 1; }
            if (bug.raised) { bug_check_answer(a, &bug); return 1; }
        }
        empty_result(a);
    } else if (strcmp(op, "beginTransaction") == 0) {
        handle_result(a, "transaction", fm_begin_transaction());
    } else if (strcmp(op, "endTransaction") == 0) {
        done_or_unknown(a, fm_end_transaction((uint64_t)json_int(args, "transaction", &ok)));
    } else if (strcmp(op, "allocateCallbackData") == 0 || strcmp(op, "allocateCallbackDataEx") == 0) {
        int flags = strcmp(op, "allocateCallbackDataEx") == 0 ? (int)json_int(args, "flags", &ok) : 0;
        NTSTATUS status = fm_allocate_callback_data((uint64_t)json_int(args, "instance", &ok),
                                                    (uint64_t)json_int(args, "fileObject", &ok), flags, &out);
        status_and(a, status, "callbackData", out);
    } else if (strcmp(op, "freeCallbackData") == 0) {
        done_or_unknown(a, fm_free_callback_data((uint64_t)json_int(args, "callbackData", &ok)));
    } else if (strcmp(op, "reuseCallbackData") == 0) {
        done_or_unknown(a, fm_reuse_callback_data((uint64_t)json_int(args, "callbackData", &ok)));
    } else if (strcmp(op, "performSynchronousIo") == 0) {
        NTSTATUS status;
        if (!fm_perform_synchronous_io((uint64_t)json_int(args, "callbackData", &ok), &status)) {
            error_answer(a, "invalid-argument", "unknown callback data");
            return 1;
        }
        begin_result(a);
        status_member(a, status);
        jb_printf(&a->out, "}}");
    } else if (strcmp(op, "failFileSystemIo") == 0) {
        int count;
        if (count_arg(a, args, &count)) { fm_fail_file_system_io(count); empty_result(a); }
    } else {
        return 0;
    }
    return 1;
}

static void dispatch(answer *a, const char *op, const jnode *args) {
    int ok = 1, count;
    if (strcmp(op, "hello") == 0) {
        hello(a);
    } else if (strcmp(op, "reset") == 0) {
        enum winver version;
        if (!profile_version(json_str(args, "windows"), &version)) {
            error_answer(a, "invalid-argument", "reset needs 'windows': vista, win7, win8, win10 or win11");
            return;
        }
        fm_reset(version);
        empty_result(a);
    } else if (strcmp(op, "close") == 0) {
        empty_result(a);
    } else if (strcmp(op, "registerFilter") == 0) {
        register_filter(a, args);
    } else if (strcmp(op, "allocateContext") == 0) {
        allocate_context(a, args);
    } else if (strcmp(op, "referenceContext") == 0) {
        life_cycle(a, args, fm_reference_context);
    } else if (strcmp(op, "releaseContext") == 0) {
        life_cycle(a, args, fm_release_context);
    } else if (strcmp(op, "deleteContext") == 0) {
        life_cycle(a, args, fm_delete_context);
    } else if (strcmp(op, "inspectContext") == 0) {
        inspect(a, args);
    } else if (strcmp(op, "readContext") == 0) {
        read_context(a, args);
    } else if (strcmp(op, "writeContext") == 0) {
        write_context(a, args);
    } else if (strcmp(op, "takeCallbackEvents") == 0) {
        take_events(a);
    } else if (strcmp(op, "pool") == 0) {
        int64_t blocks, bytes, live;
        fm_pool(&blocks, &bytes, &live);
        begin_result(a);
        jb_printf(&a->out, "\"outstandingBlocks\":%lld,\"outstandingBytes\":%lld,\"liveContexts\":%lld}}",
                  (long long)blocks, (long long)bytes, (long long)live);
    } else if (strcmp(op, "failPoolAllocations") == 0) {
        if (count_arg(a, args, &count)) { fm_fail_pool(count); empty_result(a); }
    } else if (strcmp(op, "failAllocateCallback") == 0) {
        if (count_arg(a, args, &count)) { fm_fail_allocate_callback(count); empty_result(a); }
    } else if (strcmp(op, "beginFilterTeardown") == 0) {
        filter_op(a, args, fm_begin_filter_teardown);
    } else if (strcmp(op, "unloadFilter") == 0) {
        filter_op(a, args, fm_unload_filter);
    } else if (strcmp(op, "setPerStreamContextSupport") == 0) {
        int supported = json_bool(args, "supported", &ok);
        if (!ok) { error_answer(a, "invalid-argument", "needs 'supported'"); return; }
        fm_set_stream_support(supported);
        empty_result(a);
    } else if (strcmp(op, "setCallerIrql") == 0) {
        const char *name = json_str(args, "irql");
        for (int level = 0; level < 3; level++) {
            if (name && strcmp(name, IRQLS[level]) == 0) {
                fm_set_irql((enum irql)level);
                empty_result(a);
                return;
            }
        }
        error_answer(a, "invalid-argument", "irql must be PASSIVE_LEVEL, APC_LEVEL or DISPATCH_LEVEL");
    } else if (strcmp(op, "runDeferredWork") == 0) {
        fm_run_deferred_work();
        empty_result(a);
    } else if (strcmp(op, "failPoolAllocationsAfter") == 0) {
        int successes = (int)json_int(args, "successes", &ok);
        if (!ok || !count_arg(a, args, &count)) { error_answer(a, "invalid-argument", "needs successes and count"); return; }
        fm_fail_pool_after(successes, count);
        empty_result(a);
    } else if (dispatch_objects(a, op, args)) {
        return;
    } else {
        char message[200];
        snprintf(message, sizeof message, "fltmodel does not implement '%.100s'", op);
        error_answer(a, "unsupported", message);
    }
}

int main(int argc, char **argv) {
    /* --sabotage=hang|exit|garbage:<ContextSize> (robustness tests only) */
    for (int i = 1; i < argc; i++) {
        static char mode[16];
        long long size;
        if (sscanf(argv[i], "--sabotage=%15[a-z]:%lld", mode, &size) == 2) {
            sabotage.mode = mode;
            sabotage.size = size;
        } else {
            fprintf(stderr, "fltmodel: unknown argument '%s' (only --sabotage=hang|exit|garbage:<size>)\n", argv[i]);
            return 2;
        }
    }
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    answer a;
    jb_init(&a.out);
    fm_reset(WIN_11);
    while ((length = getline(&line, &capacity, stdin)) >= 0) {
        if (length == 0 || line[0] == '\n') continue;
        const char *problem = NULL;
        jnode *request = json_parse(line, &problem);
        a.out.length = 0;
        a.id = 0;
        int ok = 1;
        if (!request) {
            fprintf(stderr, "fltmodel: a request line is not JSON (%s)\n", problem);
            error_answer(&a, "protocol", "the request is not JSON");
        } else {
            a.id = json_int(request, "id", &ok);
            const char *op = json_str(request, "op");
            if (!ok || !op) {
                error_answer(&a, "protocol", "a request needs an integer 'id' and a string 'op'");
            } else {
                dispatch(&a, op, json_member(request, "args"));
            }
        }
        json_free(request);
        fwrite(a.out.data, 1, a.out.length, stdout);
        fputc('\n', stdout);
        fflush(stdout);
    }
    free(line);
    jb_free(&a.out);
    return 0;
}
