/* fltstub: a deliberately incomplete filter manager, the way some emulators ship one. It accepts any
 * registration and answers every FltAllocateContext with STATUS_NOT_SUPPORTED. It declares no
 * optional capability. The kit's own tests run it to show what a non-conforming implementation's
 * report looks like. It speaks protocol v1 with the JSON reader of the C model. */
#include "../fltmodel/json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STATUS_SUCCESS 0x00000000u
#define STATUS_NOT_SUPPORTED 0xC00000BBu

int main(void) {
    char *line = NULL;
    size_t capacity = 0;
    unsigned long long next_filter = 0x5100;
    jbuf out;
    jb_init(&out);
    while (getline(&line, &capacity, stdin) >= 0) {
        const char *problem = NULL;
        jnode *request = json_parse(line, &problem);
        int ok = 1;
        long long id = request ? (long long)json_int(request, "id", &ok) : 0;
        const char *op = request ? json_str(request, "op") : NULL;
        out.length = 0;
        if (!op) {
            jb_printf(&out, "{\"id\":%lld,\"error\":{\"kind\":\"protocol\",\"message\":\"not a request\"}}", id);
        } else if (strcmp(op, "hello") == 0) {
            jb_printf(&out, "{\"id\":%lld,\"result\":{\"protocol\":1,\"implementation\":{\"name\":\"fltstub (C)\","
                      "\"version\":\"0.0.1\",\"vendor\":\"fltkit\",\"language\":\"C\"},"
                      "\"profiles\":[\"vista\",\"win7\",\"win8\",\"win10\",\"win11\"],\"capabilities\":[]}}", id);
        } else if (strcmp(op, "reset") == 0 || strcmp(op, "close") == 0) {
            jb_printf(&out, "{\"id\":%lld,\"result\":{}}", id);
        } else if (strcmp(op, "registerFilter") == 0) {
            jb_printf(&out, "{\"id\":%lld,\"result\":{\"status\":\"0x%08X\",\"filter\":%llu}}", id, STATUS_SUCCESS,
                      next_filter++);
        } else if (strcmp(op, "allocateContext") == 0) {
            jb_printf(&out, "{\"id\":%lld,\"result\":{\"status\":\"0x%08X\",\"returnedContext\":0}}", id,
                      STATUS_NOT_SUPPORTED);
        } else {
            jb_printf(&out, "{\"id\":%lld,\"error\":{\"kind\":\"unsupported\",\"message\":", id);
            jb_string(&out, op);
            jb_printf(&out, "}}");
        }
        json_free(request);
        fwrite(out.data, 1, out.length, stdout);
        fputc('\n', stdout);
        fflush(stdout);
    }
    free(line);
    jb_free(&out);
    return 0;
}
