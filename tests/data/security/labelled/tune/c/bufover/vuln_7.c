#include <stdlib.h>
#include <string.h>

struct record {
    char name[24];
    void (*on_close)(void);
    int flags;
};

/* The name is copied with the size of the whole record: it runs over the callback after it. */
struct record *new_record(const char *name)
{
    struct record *rec = (struct record *)malloc(sizeof(struct record));
    if (rec == NULL) {
        return NULL;
    }
    memcpy(rec->name, name, sizeof(*rec));
    rec->name[sizeof(rec->name) - 1] = '\0';
    return rec;
}
