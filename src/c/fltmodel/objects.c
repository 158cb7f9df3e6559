/* Objects contexts are set on, and the links between them. My reading of the documents:
 *  - one context per object per owner: volume and transaction contexts belong to the filter, the
 *    others (instance, file, stream, stream handle, section) to the instance that set them;
 *  - a link holds one reference; whoever removes the link (a typed delete without OldContext,
 *    FltDeleteContext, the object going away) drops it, unless OldContext hands it to the caller;
 *  - objects go away with their parents: a file object's close takes its stream-handle contexts, the
 *    last close of a stream its stream and section contexts, the last close of a file its file
 *    contexts; a detaching instance takes everything set through it; a dismount takes the volume. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum kind { VOLUME, INSTANCE, FILE_NODE, STREAM, FILE_OBJECT, TRANSACTION };

typedef struct object {
    enum kind kind;
    uint64_t handle;
    int alive, tearing_down, opens;
    uint64_t volume;         /* instance, file, stream, file object: the volume it is on */
    uint64_t instance;       /* file object: the instance that opened it */
    uint64_t file, stream;   /* stream: its file; file object: its file and stream */
    const filter *owner;     /* instance: its filter */
    char name[128];          /* file: file name; stream: stream name */
} object;

typedef struct link {
    int used;
    int context_type;
    uint64_t object;         /* what the context is set on */
    uint64_t owner;          /* instance or filter handle */
    uint64_t context;        /* the minifilter address */
    int record;              /* the context's record index */
} link;

typedef struct callback_data {
    uint64_t handle;
    chunk *structure, *preallocated;
    int alive;
} callback_data;

static struct {
    object *objects;
    int object_count, object_capacity;
    link *links;
    int link_count, link_capacity;
    callback_data *data;
    int data_count, data_capacity;
    uint64_t next_handle;
    int file_system_failures;
} om;

#define CALLBACK_DATA_BYTES 0x108
#define PREALLOCATED_BYTES 0x200

void objects_reset(void) {
    for (int i = 0; i < om.data_count; i++) {
        if (om.data[i].alive) {
            if (om.data[i].structure) pool_give_back(om.data[i].structure);
            if (om.data[i].preallocated) pool_give_back(om.data[i].preallocated);
        }
    }
    om.object_count = 0;
    om.link_count = 0;
    om.data_count = 0;
    om.next_handle = 0x0B1EC7000010ULL;
    om.file_system_failures = 0;
}

static object *new_object(enum kind kind) {
    if (om.object_count == om.object_capacity) om.objects = grow(om.objects, &om.object_capacity, sizeof *om.objects);
    object *o = &om.objects[om.object_count++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->handle = om.next_handle;
    om.next_handle += 0x10;
    o->alive = 1;
    return o;
}

static object *find(uint64_t handle, enum kind kind) {
    for (int i = 0; i < om.object_count; i++) {
        if (om.objects[i].handle == handle && om.objects[i].kind == kind) return &om.objects[i];
    }
    return NULL;
}

/* ---- links ---- */

static link *link_of(int context_type, uint64_t object_handle, uint64_t owner) {
    for (int i = 0; i < om.link_count; i++) {
        link *l = &om.links[i];
        if (l->used && l->context_type == context_type && l->object == object_handle && l->owner == owner) return l;
    }
    return NULL;
}

static link *link_of_context(const context *c) {
    for (int i = 0; i < om.link_count; i++) {
        if (om.links[i].used && om.links[i].context == c->address && context_record(om.links[i].record) == c) {
            return &om.links[i];
        }
    }
    return NULL;
}

static void add_link(int context_type, uint64_t object_handle, uint64_t owner, uint64_t context_address) {
    if (om.link_count == om.link_capacity) om.links = grow(om.links, &om.link_capacity, sizeof *om.links);
    link *l = &om.links[om.link_count++];
    l->used = 1;
    l->context_type = context_type;
    l->object = object_handle;
    l->owner = owner;
    l->context = context_address;
    l->record = context_index(context_address);
    context *c = context_record(l->record);
    c->attached = 1;
    c->references++;
}

/* Removes the link; the caller decides what happens to the reference it held. */
static context *cut(link *l) {
    context *c = context_record(l->record);
    l->used = 0;
    c->attached = 0;
    if (c->section == SECTION_OPEN) c->section = SECTION_CLOSED;
    return c;
}

/* The object goes away (or lets go of the context): the link's reference goes with it. */
static void delete_link(link *l) {
    context_drop(cut(l));
}

int objects_unlink(context *c) {
    link *l = link_of_context(c);
    if (!l) return 0;
    cut(l);
    return 1;
}

static void delete_where(uint64_t object_handle, uint64_t owner) {
    for (int i = 0; i < om.link_count; i++) {
        link *l = &om.links[i];
        if (l->used && (object_handle == 0 || l->object == object_handle) && (owner == 0 || l->owner == owner)) {
            delete_link(l);
        }
    }
}

/* ---- the objects' lives ---- */

uint64_t fm_mount_volume(void) {
    return new_object(VOLUME)->handle;
}

uint64_t fm_attach_instance(uint64_t filter_handle, uint64_t volume) {
    const filter *f = filter_of(filter_handle);
    object *v = find(volume, VOLUME);
    if (!f || !v || !v->alive) return 0;
    object *i = new_object(INSTANCE);
    i->volume = volume;
    i->owner = f;
    return i->handle;
}

static void detach(object *instance) {
    if (!instance->alive) return;
    delete_where(0, instance->handle);
    delete_where(instance->handle, 0);
    instance->alive = 0;
}

int fm_detach_instance(uint64_t instance) {
    object *i = find(instance, INSTANCE);
    if (!i) return 0;
    detach(i);
    return 1;
}

int fm_dismount_volume(uint64_t volume) {
    object *v = find(volume, VOLUME);
    if (!v) return 0;
    for (int k = 0; k < om.object_count; k++) {
        object *o = &om.objects[k];
        if (o->volume != volume || !o->alive) continue;
        if (o->kind == INSTANCE) {
            detach(o);
        } else {
            delete_where(o->handle, 0);
            o->alive = 0;
        }
    }
    delete_where(volume, 0);
    v->alive = 0;
    return 1;
}

static object *named(enum kind kind, uint64_t volume, uint64_t parent, const char *name) {
    for (int k = 0; k < om.object_count; k++) {
        object *o = &om.objects[k];
        if (o->kind == kind && o->alive && o->volume == volume && o->file == parent && strcmp(o->name, name) == 0) return o;
    }
    object *o = new_object(kind);
    o->volume = volume;
    o->file = parent;
    strncpy(o->name, name, sizeof o->name - 1);
    return o;
}

uint64_t fm_open_file(uint64_t instance, const char *file_name, const char *stream_name) {
    object *i = find(instance, INSTANCE);
    if (!i || !i->alive || !file_name) return 0;
    uint64_t volume = i->volume;   /* named() may move the objects */
    object *file = named(FILE_NODE, volume, 0, file_name);
    uint64_t file_handle = file->handle;
    file->opens++;
    object *stream = named(STREAM, volume, file_handle, stream_name ? stream_name : "");
    stream->opens++;
    uint64_t stream_handle = stream->handle;
    object *fo = new_object(FILE_OBJECT);
    fo->volume = volume;
    fo->instance = instance;
    fo->file = file_handle;
    fo->stream = stream_handle;
    return fo->handle;
}

int fm_close_file(uint64_t file_object) {
    object *fo = find(file_object, FILE_OBJECT);
    if (!fo || !fo->alive) return 0;
    fo->alive = 0;
    delete_where(file_object, 0);
    object *stream = find(fo->stream, STREAM);
    if (stream && stream->alive && --stream->opens == 0) {
        delete_where(stream->handle, 0);
        stream->alive = 0;
    }
    object *file = find(fo->file, FILE_NODE);
    if (file && file->alive && --file->opens == 0) {
        delete_where(file->handle, 0);
        file->alive = 0;
    }
    return 1;
}

uint64_t fm_begin_transaction(void) {
    return new_object(TRANSACTION)->handle;
}

int fm_end_transaction(uint64_t transaction) {
    object *t = find(transaction, TRANSACTION);
    if (!t) return 0;
    delete_where(transaction, 0);
    t->alive = 0;
    return 1;
}

void objects_filter_unloaded(const filter *f) {
    uint64_t handle = filter_handle(f);
    delete_where(0, handle);
    for (int k = 0; k < om.object_count; k++) {
        if (om.objects[k].kind == INSTANCE && om.objects[k].owner == f) detach(&om.objects[k]);
    }
}

/* ---- where a typed routine's context lives ---- */

/* The filter that owns volume and transaction contexts: the instance's, else the first registered one. */
static uint64_t owning_filter(const target *t) {
    object *i = find(t->instance, INSTANCE);
    if (i) return filter_handle(i->owner);
    for (int k = 0; k < MAX_FILTERS; k++) {
        uint64_t handle = 0xF117E000ULL + (uint64_t)k * 0x100;
        if (filter_of(handle)) return handle;
    }
    return 0;
}

/* The object and owner of a type's context for the target; 0 when the target names no such object. */
static object *resolve(int context_type, const target *t, uint64_t *owner) {
    object *fo = find(t->file_object, FILE_OBJECT);
    object *i = find(t->instance, INSTANCE);
    *owner = t->instance;
    switch (context_type) {
    case 0x0001: {
        *owner = owning_filter(t);
        uint64_t volume = t->volume ? t->volume : i ? i->volume : 0;
        return find(volume, VOLUME);
    }
    case 0x0002: return i;
    case 0x0004: return fo ? find(fo->file, FILE_NODE) : NULL;
    case 0x0008:
    case 0x0040: return fo ? find(fo->stream, STREAM) : NULL;
    case 0x0010: return fo;
    case 0x0020:
        *owner = owning_filter(t);
        return find(t->transaction, TRANSACTION);
    default: return NULL;
    }
}

static int per_stream(int context_type) {
    return context_type == 0x0008 || context_type == 0x0010;
}

/* The set and delete pages answer STATUS_FLT_DELETING_OBJECT when "the Instance is being torn down": every
 * routine that takes an Instance (all but the volume ones) refuses through a dying instance, whatever object
 * the context is on. */
static int through_dying_instance(int context_type, const target *t) {
    if (context_type == 0x0001) return 0;
    object *i = find(t->instance, INSTANCE);
    return i && i->tearing_down;
}

int fm_begin_object_teardown(int context_type, const target *t) {
    uint64_t owner;
    object *o = resolve(context_type, t, &owner);
    if (!o) return 0;
    o->tearing_down = 1;
    return 1;
}

NTSTATUS fm_set_context(int context_type, const target *t, int operation, uint64_t new_context, int want_old,
                        uint64_t *old_context) {
    *old_context = 0;
    if (per_stream(context_type) && !model_stream_support()) return STATUS_NOT_SUPPORTED;
    if (context_type == 0x0010 && t->file_object == 0) return STATUS_NOT_SUPPORTED;
    int is_section = context_type == 0x0040;
    if (!is_section && operation != 0 && operation != 1) return STATUS_INVALID_PARAMETER;
    context *c = context_record(context_index(new_context));
    if (!c || !c->alive || c->context_type != context_type) return STATUS_INVALID_PARAMETER;
    if (c->attached) return STATUS_FLT_CONTEXT_ALREADY_LINKED;
    uint64_t owner;
    object *o = resolve(context_type, t, &owner);
    if (!o) return STATUS_INVALID_PARAMETER;
    if (!o->alive || o->tearing_down || through_dying_instance(context_type, t)) return STATUS_FLT_DELETING_OBJECT;
    uint64_t object_handle = o->handle;
    link *existing = link_of(context_type, object_handle, owner);
    if (existing && (is_section || operation == 1)) {
        /* FLT_SET_CONTEXT_KEEP_IF_EXISTS (and one section per stream per instance) */
        if (want_old && !is_section) {
            context_record(existing->record)->references++;
            *old_context = existing->context;
        }
        return STATUS_FLT_CONTEXT_ALREADY_DEFINED;
    }
    if (existing) {
        /* FLT_SET_CONTEXT_REPLACE_IF_EXISTS: the old link's reference goes to OldContext, or away */
        uint64_t replaced = existing->context;
        context *old = cut(existing);
        if (want_old) *old_context = replaced;
        else context_drop(old);
    }
    add_link(context_type, object_handle, owner, new_context);
    if (is_section) context_record(context_index(new_context))->section = SECTION_OPEN;
    return STATUS_SUCCESS;
}

NTSTATUS fm_get_context(int context_type, const target *t, uint64_t *found) {
    *found = 0;
    if (per_stream(context_type) && !model_stream_support()) return STATUS_NOT_SUPPORTED;
    uint64_t owner;
    object *o = resolve(context_type, t, &owner);
    link *l = o ? link_of(context_type, o->handle, owner) : NULL;
    if (!l) return STATUS_NOT_FOUND;
    context_record(l->record)->references++;
    *found = l->context;
    return STATUS_SUCCESS;
}

NTSTATUS fm_delete_typed_context(int context_type, const target *t, int want_old, uint64_t *old_context) {
    *old_context = 0;
    if (per_stream(context_type) && !model_stream_support()) return STATUS_NOT_SUPPORTED;
    uint64_t owner;
    object *o = resolve(context_type, t, &owner);
    /* FltDeleteFileContext documents no STATUS_FLT_DELETING_OBJECT: a file being torn down still deletes. */
    if (o && (o->tearing_down || through_dying_instance(context_type, t)) && context_type != 0x0004) {
        return STATUS_FLT_DELETING_OBJECT;
    }
    link *l = o ? link_of(context_type, o->handle, owner) : NULL;
    if (!l) return STATUS_NOT_FOUND;
    if (context_type == 0x0040) return fm_close_section(l->context);
    uint64_t removed = l->context;
    context *c = cut(l);
    if (want_old) *old_context = removed;   /* the link's reference goes to the caller */
    else context_drop(c);
    return STATUS_SUCCESS;
}

NTSTATUS fm_close_section(uint64_t section_context) {
    context *c = context_record(context_index(section_context));
    if (!c || c->context_type != 0x0040 || c->section == NO_SECTION) return STATUS_INVALID_PARAMETER;
    if (c->section == SECTION_CLOSED || !c->alive) return STATUS_NOT_FOUND;
    link *l = link_of_context(c);
    if (l) delete_link(l);
    c->section = SECTION_CLOSED;
    return STATUS_SUCCESS;
}

NTSTATUS fm_get_contexts(const target *t, int desired, uint64_t found[7]) {
    int all = model_version() >= WIN_8 ? 0x7F : 0x3F;
    memset(found, 0, 7 * sizeof found[0]);
    if (desired & ~all) return STATUS_INVALID_PARAMETER;
    for (int bit = 0; bit < 7; bit++) {
        if (desired & (1 << bit)) fm_get_context(1 << bit, t, &found[bit]);
    }
    return STATUS_SUCCESS;
}

/* ---- callback data ---- */

static callback_data *data_of(uint64_t handle) {
    for (int i = 0; i < om.data_count; i++) {
        if (om.data[i].handle == handle && om.data[i].alive) return &om.data[i];
    }
    return NULL;
}

NTSTATUS fm_allocate_callback_data(uint64_t instance, uint64_t file_object, int flags, uint64_t *handle) {
    (void)file_object;
    *handle = 0;
    object *i = find(instance, INSTANCE);
    if (!i || !i->alive) return STATUS_INVALID_PARAMETER;
    chunk *structure = pool_take(CALLBACK_DATA_BYTES, 0, 0);
    if (!structure) return STATUS_INSUFFICIENT_RESOURCES;
    chunk *extra = NULL;
    if (flags & 0x1) {   /* FLT_ALLOCATE_CALLBACK_DATA_PREALLOCATE_ALL_MEMORY */
        extra = pool_take(PREALLOCATED_BYTES, 0, 0);
        if (!extra) {
            pool_give_back(structure);
            return STATUS_INSUFFICIENT_RESOURCES;
        }
    }
    if (om.data_count == om.data_capacity) om.data = grow(om.data, &om.data_capacity, sizeof *om.data);
    callback_data *d = &om.data[om.data_count++];
    d->handle = (uint64_t)(uintptr_t)structure->bytes;
    d->structure = structure;
    d->preallocated = extra;
    d->alive = 1;
    *handle = d->handle;
    return STATUS_SUCCESS;
}

int fm_free_callback_data(uint64_t handle) {
    callback_data *d = data_of(handle);
    if (!d) return 0;
    pool_give_back(d->structure);
    if (d->preallocated) pool_give_back(d->preallocated);
    d->alive = 0;
    return 1;
}

int fm_reuse_callback_data(uint64_t handle) {
    return data_of(handle) != NULL;
}

int fm_perform_synchronous_io(uint64_t handle, NTSTATUS *status) {
    callback_data *d = data_of(handle);
    if (!d) return 0;
    if (om.file_system_failures > 0) {
        om.file_system_failures--;
        *status = STATUS_INSUFFICIENT_RESOURCES;   /* the file system's own memory ran out */
        return 1;
    }
    if (!d->preallocated) {
        /* without preallocation the filter manager needs memory for the I/O now */
        chunk *scratch = pool_take(PREALLOCATED_BYTES, 0, 0);
        if (!scratch) {
            *status = STATUS_INSUFFICIENT_RESOURCES;
            return 1;
        }
        pool_give_back(scratch);
    }
    *status = STATUS_SUCCESS;
    return 1;
}

void fm_fail_file_system_io(int count) {
    om.file_system_failures = count;
}
