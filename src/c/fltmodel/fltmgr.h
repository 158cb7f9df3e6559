/* A user-mode model of the Filter Manager's context machinery, written from the documentation:
 * FLT_CONTEXT_REGISTRATION, FltAllocateContext, the context callbacks and the reference-count life
 * cycle. One process holds one model; fm_reset starts a fresh one behaving as a Windows version. */
#ifndef FLTMODEL_FLTMGR_H
#define FLTMODEL_FLTMGR_H

#include <stdint.h>

typedef int32_t NTSTATUS;

#define STATUS_SUCCESS                          ((NTSTATUS)0x00000000)
#define STATUS_INVALID_PARAMETER                ((NTSTATUS)0xC000000D)
#define STATUS_INSUFFICIENT_RESOURCES           ((NTSTATUS)0xC000009A)
#define STATUS_NOT_SUPPORTED                    ((NTSTATUS)0xC00000BB)
#define STATUS_INVALID_BUFFER_SIZE              ((NTSTATUS)0xC0000206)
#define STATUS_FLT_DELETING_OBJECT              ((NTSTATUS)0xC01C000B)
#define STATUS_FLT_MUST_BE_NONPAGED_POOL        ((NTSTATUS)0xC01C000C)
#define STATUS_FLT_CONTEXT_ALLOCATION_NOT_FOUND ((NTSTATUS)0xC01C0016)
#define STATUS_FLT_INVALID_CONTEXT_REGISTRATION ((NTSTATUS)0xC01C0017)

/* Windows versions, oldest first (the kit's profiles). */
enum winver { WIN_VISTA, WIN_7, WIN_8, WIN_10, WIN_11 };

/* IRQLs the context rules talk about. */
enum irql { PASSIVE_LEVEL = 0, APC_LEVEL = 1, DISPATCH_LEVEL = 2 };

/* Where a context's memory came from (names match the protocol's "origin" values). */
enum origin { FROM_PAGED_LOOKASIDE, FROM_NONPAGED_LOOKASIDE, FROM_POOL, FROM_ALLOCATE_CALLBACK };

/* One FLT_CONTEXT_REGISTRATION entry as the minifilter wrote it. */
typedef struct registration_entry {
    int context_type;
    int flags;
    int64_t size;          /* -1 = FLT_VARIABLE_SIZED_CONTEXTS */
    uint32_t pool_tag;
    int has_cleanup, has_allocate, has_free;
} registration_entry;

/* What the model reports when Windows would bug-check; set by the routine that detected it. */
typedef struct bug_check {
    int raised;
    uint32_t code;
    uint64_t parameter1;
    char description[160];
} bug_check;

typedef struct context_view {
    int alive, reference_count, context_type, pool_type, attached, cleanup_calls;
    int64_t size;
    enum origin origin;
} context_view;

typedef struct callback_call {
    char kind;             /* 'A' allocate, 'C' cleanup, 'F' free */
    int pool_type;
    int64_t size;
    int context_type;
    uint64_t address;
    enum irql irql;
} callback_call;

void fm_reset(enum winver version);

NTSTATUS fm_register_filter(const registration_entry *entries, int count, int has_array, int terminated,
                            uint64_t *filter_out);
NTSTATUS fm_allocate_context(uint64_t filter, int context_type, int64_t context_size, int pool_type,
                             uint64_t *context_out);

/* These return 0 when the handle is unknown (an argument error); a bug check is reported through *bug. */
int fm_reference_context(uint64_t context, bug_check *bug);
int fm_release_context(uint64_t context, bug_check *bug);
int fm_delete_context(uint64_t context, bug_check *bug);

int fm_inspect(uint64_t context, context_view *view);
/* 1 ok, 0 unknown or freed context, -1 out of bounds. */
int fm_read(uint64_t context, int64_t offset, int64_t length, unsigned char *out);
int fm_write(uint64_t context, int64_t offset, int64_t length, const unsigned char *data);

/* Hands out the recorded callback calls and forgets them; *count set. The array stays valid until the next call. */
const callback_call *fm_take_callback_calls(int *count);
void fm_pool(int64_t *blocks, int64_t *bytes, int64_t *live_contexts);

void fm_fail_pool(int count);
void fm_fail_allocate_callback(int count);
int fm_begin_filter_teardown(uint64_t filter);
int fm_unload_filter(uint64_t filter);
void fm_set_stream_support(int supported);
void fm_set_irql(enum irql level);
void fm_run_deferred_work(void);

#endif
