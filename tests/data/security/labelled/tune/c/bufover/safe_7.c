#include <stdlib.h>
#include <string.h>

struct record {
    char name[24];
    void (*on_close)(void);
    int flags;
};

/* The name is copied with the size of the name field. */
struct record *new_record(const char *name)
{
    struct record *rec = (struct record *)malloc(sizeof(struct record));
    if (rec == NULL) {
        return NULL;
    }
    strncpy(rec->name, name, sizeof(rec->name));
    rec->name[sizeof(rec->name) - 1] = '\0';
    return rec;
}
