/* A very small JSON reader and writer: enough for the kit's line protocol (integers, strings,
 * booleans, null, arrays, objects). Numbers are 64-bit integers; fractions are refused. */
#ifndef FLTMODEL_JSON_H
#define FLTMODEL_JSON_H

#include <stddef.h>
#include <stdint.h>

enum jtype { J_NULL, J_BOOL, J_INT, J_STR, J_ARR, J_OBJ };

typedef struct jnode {
    enum jtype type;
    int64_t num;          /* J_INT, J_BOOL (0/1) */
    char *str;            /* J_STR */
    char *key;            /* member name when inside an object */
    struct jnode *first;  /* J_ARR, J_OBJ: first element/member */
    struct jnode *next;   /* next sibling */
} jnode;

/* Parses one complete JSON text; NULL with *error set when it is malformed. */
jnode *json_parse(const char *text, const char **error);
void json_free(jnode *node);

/* Member of an object, or NULL. */
const jnode *json_member(const jnode *object, const char *key);
/* Integer member; *ok cleared (and 0 returned) when absent or not an integer. */
int64_t json_int(const jnode *object, const char *key, int *ok);
/* Boolean member; *ok cleared when absent or not a boolean. */
int json_bool(const jnode *object, const char *key, int *ok);
/* String member or NULL. */
const char *json_str(const jnode *object, const char *key);

/* A growing output buffer. */
typedef struct jbuf {
    char *data;
    size_t length, capacity;
} jbuf;

void jb_init(jbuf *b);
void jb_free(jbuf *b);
void jb_printf(jbuf *b, const char *format, ...) __attribute__((format(printf, 2, 3)));
/* Appends a quoted, escaped JSON string. */
void jb_string(jbuf *b, const char *text);

#endif
