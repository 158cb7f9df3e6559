#include "json.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct reader {
    const char *p;
    const char *error;
} reader;

static jnode *parse_value(reader *r, int depth);

static void skip_space(reader *r) {
    while (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n') {
        r->p++;
    }
}

static jnode *new_node(enum jtype type) {
    jnode *node = calloc(1, sizeof *node);
    if (node) {
        node->type = type;
    }
    return node;
}

static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Reads a quoted string (r->p on the opening quote); UTF-8 out, \u escapes above 0x7F encoded as UTF-8. */
static char *parse_string(reader *r) {
    size_t capacity = 32, length = 0;
    char *out = malloc(capacity);
    r->p++;
    while (out && *r->p != '"') {
        unsigned code;
        if (*r->p == '\0' || (unsigned char)*r->p < 0x20) {
            r->error = "unterminated string";
            free(out);
            return NULL;
        }
        if (length + 4 >= capacity) {
            capacity *= 2;
            char *grown = realloc(out, capacity);
            if (!grown) { free(out); return NULL; }
            out = grown;
        }
        if (*r->p != '\\') {
            out[length++] = *r->p++;
            continue;
        }
        r->p++;
        switch (*r->p) {
        case '"': case '\\': case '/': out[length++] = *r->p; break;
        case 'b': out[length++] = '\b'; break;
        case 'f': out[length++] = '\f'; break;
        case 'n': out[length++] = '\n'; break;
        case 'r': out[length++] = '\r'; break;
        case 't': out[length++] = '\t'; break;
        case 'u':
            code = 0;
            for (int i = 1; i <= 4; i++) {
                int digit = hex_digit(r->p[i]);
                if (digit < 0) { r->error = "bad \\u escape"; free(out); return NULL; }
                code = code * 16 + (unsigned)digit;
            }
            r->p += 4;
            if (code < 0x80) {
                out[length++] = (char)code;
            } else if (code < 0x800) {
                out[length++] = (char)(0xC0 | (code >> 6));
                out[length++] = (char)(0x80 | (code & 0x3F));
            } else {
                out[length++] = (char)(0xE0 | (code >> 12));
                out[length++] = (char)(0x80 | ((code >> 6) & 0x3F));
                out[length++] = (char)(0x80 | (code & 0x3F));
            }
            break;
        default:
            r->error = "bad escape";
            free(out);
            return NULL;
        }
        r->p++;
    }
    if (!out) {
        r->error = "out of memory";
        return NULL;
    }
    r->p++;
    out[length] = '\0';
    return out;
}

static jnode *parse_number(reader *r) {
    char *end;
    errno = 0;
    long long value = strtoll(r->p, &end, 10);
    if (end == r->p || *end == '.' || *end == 'e' || *end == 'E') {
        r->error = "numbers must be integers";
        return NULL;
    }
    if (errno == ERANGE) {
        /* Above INT64_MAX: keep the unsigned 64-bit pattern (handles are unsigned in C). */
        errno = 0;
        unsigned long long big = strtoull(r->p, &end, 10);
        if (errno == ERANGE || *r->p == '-') {
            r->error = "number out of range";
            return NULL;
        }
        value = (long long)big;
    }
    r->p = end;
    jnode *node = new_node(J_INT);
    if (node) node->num = value;
    return node;
}

static int literal(reader *r, const char *word) {
    size_t n = strlen(word);
    if (strncmp(r->p, word, n) == 0) {
        r->p += n;
        return 1;
    }
    return 0;
}

static jnode *parse_container(reader *r, int depth, int object) {
    jnode *node = new_node(object ? J_OBJ : J_ARR);
    jnode **tail = node ? &node->first : NULL;
    char close = object ? '}' : ']';
    r->p++;
    skip_space(r);
    if (*r->p == close) {
        r->p++;
        return node;
    }
    while (node) {
        char *key = NULL;
        skip_space(r);
        if (object) {
            if (*r->p != '"') { r->error = "expected a member name"; break; }
            key = parse_string(r);
            if (!key) break;
            skip_space(r);
            if (*r->p != ':') { r->error = "expected ':'"; free(key); break; }
            r->p++;
        }
        jnode *child = parse_value(r, depth + 1);
        if (!child) { free(key); break; }
        child->key = key;
        *tail = child;
        tail = &child->next;
        skip_space(r);
        if (*r->p == ',') { r->p++; continue; }
        if (*r->p == close) { r->p++; return node; }
        r->error = object ? "expected ',' or '}'" : "expected ',' or ']'";
        break;
    }
    json_free(node);
    return NULL;
}

static jnode *parse_value(reader *r, int depth) {
    if (depth > 32) {
        r->error = "nested too deeply";
        return NULL;
    }
    skip_space(r);
    switch (*r->p) {
    case '{': return parse_container(r, depth, 1);
    case '[': return parse_container(r, depth, 0);
    case '"': {
        char *text = parse_string(r);
        jnode *node = text ? new_node(J_STR) : NULL;
        if (node) node->str = text; else free(text);
        return node;
    }
    default:
        break;
    }
    if (*r->p == '-' || (*r->p >= '0' && *r->p <= '9')) return parse_number(r);
    if (literal(r, "true")) { jnode *n = new_node(J_BOOL); if (n) n->num = 1; return n; }
    if (literal(r, "false")) return new_node(J_BOOL);
    if (literal(r, "null")) return new_node(J_NULL);
    r->error = "unexpected character";
    return NULL;
}

jnode *json_parse(const char *text, const char **error) {
    reader r = { text, NULL };
    jnode *node = parse_value(&r, 0);
    if (node) {
        skip_space(&r);
        if (*r.p != '\0') {
            json_free(node);
            node = NULL;
            r.error = "text after the value";
        }
    }
    if (!node && error) *error = r.error ? r.error : "out of memory";
    return node;
}

void json_free(jnode *node) {
    while (node) {
        jnode *next = node->next;
        json_free(node->first);
        free(node->str);
        free(node->key);
        free(node);
        node = next;
    }
}

const jnode *json_member(const jnode *object, const char *key) {
    if (!object || object->type != J_OBJ) return NULL;
    for (const jnode *m = object->first; m; m = m->next) {
        if (strcmp(m->key, key) == 0) return m;
    }
    return NULL;
}

int64_t json_int(const jnode *object, const char *key, int *ok) {
    const jnode *m = json_member(object, key);
    if (!m || m->type != J_INT) { *ok = 0; return 0; }
    return m->num;
}

int json_bool(const jnode *object, const char *key, int *ok) {
    const jnode *m = json_member(object, key);
    if (!m || m->type != J_BOOL) { *ok = 0; return 0; }
    return (int)m->num;
}

const char *json_str(const jnode *object, const char *key) {
    const jnode *m = json_member(object, key);
    return m && m->type == J_STR ? m->str : NULL;
}

void jb_init(jbuf *b) {
    b->capacity = 256;
    b->length = 0;
    b->data = malloc(b->capacity);
    if (b->data) b->data[0] = '\0';
}

void jb_free(jbuf *b) {
    free(b->data);
    b->data = NULL;
}

void jb_printf(jbuf *b, const char *format, ...) {
    for (;;) {
        va_list args;
        va_start(args, format);
        int n = vsnprintf(b->data + b->length, b->capacity - b->length, format, args);
        va_end(args);
        if (n < 0) return;
        if ((size_t)n < b->capacity - b->length) {
            b->length += (size_t)n;
            return;
        }
        size_t capacity = b->capacity * 2 + (size_t)n;
        char *grown = realloc(b->data, capacity);
        if (!grown) { fputs("fltmodel: out of memory\n", stderr); exit(3); }
        b->data = grown;
        b->capacity = capacity;
    }
}

void jb_string(jbuf *b, const char *text) {
    jb_printf(b, "\"");
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if (*c == '"' || *c == '\\') jb_printf(b, "\\%c", *c);
        else if (*c < 0x20) jb_printf(b, "\\u%04x", *c);
        else jb_printf(b, "%c", *c);
    }
    jb_printf(b, "\"");
}
