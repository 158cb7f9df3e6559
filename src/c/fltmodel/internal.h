/* What the parts of the C model share: pool, contexts and filters (fltmgr.c) and the objects they are
 * set on (objects.c). */
#ifndef FLTMODEL_INTERNAL_H
#define FLTMODEL_INTERNAL_H

#include "fltmgr.h"

#include <stddef.h>

#define FILTER_HEADER_BYTES 0x60   /* the filter manager's part in front of the minifilter's part */
#define VARIABLE_SIZE (-1)
#define MAX_FILTERS 16
#define MAX_DEFINITIONS_PER_TYPE 4

enum pool_kind { NONPAGED_POOL = 0, PAGED_POOL = 1, NONPAGED_POOL_NX = 512 };
enum definition_kind { BY_LOOKASIDE, BY_POOL, BY_ROUTINES };
enum section_state { NO_SECTION, SECTION_OPEN, SECTION_CLOSED };

typedef struct chunk {
    unsigned char *bytes;
    size_t size;
    int paged;             /* paged and nonpaged pool are separate memory: a chunk never changes pool */
    struct chunk *next;    /* link while cached on a lookaside list or kept for reuse by the pool */
} chunk;

typedef struct lookaside {
    chunk *cached;
    int depth;
} lookaside;

typedef struct definition {
    registration_entry entry;
    enum definition_kind kind;
    lookaside paged, nonpaged;
} definition;

typedef struct filter {
    int in_use;
    int tearing_down;
    definition by_type[7][MAX_DEFINITIONS_PER_TYPE];   /* index: bit number of the type */
    int count[7];
} filter;

typedef struct context {
    uint64_t address;      /* what the minifilter sees: the chunk plus the header */
    chunk *memory;         /* NULL once freed */
    filter *owner;
    definition *definition;
    int context_type, pool_type, references, alive, cleanup_calls, free_pending;
    int attached;              /* set on an object (objects.c owns the link) */
    enum section_state section;
    int64_t size;
    enum origin origin;
} context;


void *grow(void *array, int *capacity, size_t element);
chunk *pool_take(size_t size, int zeroed, int paged);
void pool_give_back(chunk *c);
int type_slot(int context_type);
filter *filter_of(uint64_t handle);
enum winver model_version(void);
int model_stream_support(void);
uint64_t filter_handle(const filter *f);

/* The newest context record at this address (live or freed), or -1; records never move their index. */
int context_index(uint64_t address);
/* The record; the pointer stays valid only until the next allocation. */
context *context_record(int index);
/* Takes one reference away (the object's, when it lets go); frees at zero, later at DISPATCH_LEVEL. */
void context_drop(context *c);

void objects_reset(void);
/* Deletes every context the filter set on an object (FltUnregisterFilter). */
void objects_filter_unloaded(const filter *f);
/* Unlinks a context from its object (FltDeleteContext); 1 if it was linked. The reference stays. */
int objects_unlink(context *c);

#endif
