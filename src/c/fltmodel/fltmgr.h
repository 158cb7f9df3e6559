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
#define STATUS_NOT_FOUND                        ((NTSTATUS)0xC0000225)
#define STATUS_FLT_CONTEXT_ALREADY_DEFINED      ((NTSTATUS)0xC01C0002)
#define STATUS_FLT_CONTEXT_ALREADY_LINKED       ((NTSTATUS)0xC01C001C)

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
/* The next `successes` pool or lookaside allocations succeed, the `count` after them fail. */
void fm_fail_pool_after(int successes, int count);
void fm_fail_allocate_callback(int count);
int fm_begin_filter_teardown(uint64_t filter);
int fm_unload_filter(uint64_t filter);
void fm_set_stream_support(int supported);
void fm_set_irql(enum irql level);
void fm_run_deferred_work(void);

/* ---- objects contexts are set on (objects.c) ---- */

/* The object a typed routine works on, as its arguments name it; unused members 0. */
typedef struct target {
    uint64_t instance, volume, file_object, transaction;
} target;

uint64_t fm_mount_volume(void);
uint64_t fm_attach_instance(uint64_t filter, uint64_t volume);   /* 0: unknown filter or volume */
int fm_detach_instance(uint64_t instance);
int fm_dismount_volume(uint64_t volume);
uint64_t fm_open_file(uint64_t instance, const char *file_name, const char *stream_name);
int fm_close_file(uint64_t file_object);
int fm_begin_object_teardown(int context_type, const target *t);
NTSTATUS fm_set_context(int context_type, const target *t, int operation, uint64_t new_context, int want_old,
                        uint64_t *old_context);
NTSTATUS fm_get_context(int context_type, const target *t, uint64_t *context);
NTSTATUS fm_delete_typed_context(int context_type, const target *t, int want_old, uint64_t *old_context);
NTSTATUS fm_close_section(uint64_t section_context);
/* found[bit] receives the context of type (1 << bit), 0 when not requested or not found. */
NTSTATUS fm_get_contexts(const target *t, int desired, uint64_t found[7]);
uint64_t fm_begin_transaction(void);
int fm_end_transaction(uint64_t transaction);

/* ---- callback data ---- */
NTSTATUS fm_allocate_callback_data(uint64_t instance, uint64_t file_object, int flags, uint64_t *callback_data);
int fm_free_callback_data(uint64_t callback_data);
int fm_reuse_callback_data(uint64_t callback_data);
/* 0 for an unknown callback data, else the I/O's status in *status. */
int fm_perform_synchronous_io(uint64_t callback_data, NTSTATUS *status);
void fm_fail_file_system_io(int count);

#endif
