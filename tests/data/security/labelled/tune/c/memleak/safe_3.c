#include <stdlib.h>
#include <string.h>

extern int use_cache;

/* Allocated in one block, freed in another. */
size_t measure(const char *text)
{
    char *copy = NULL;
    size_t n = 0;
    if (use_cache) {
        copy = (char *)malloc(strlen(text) + 1);
        if (copy == NULL) {
            return 0;
        }
        strcpy(copy, text);
        n = strlen(copy);
    }
    if (copy != NULL) {
        free(copy);
    }
    return n;
}
