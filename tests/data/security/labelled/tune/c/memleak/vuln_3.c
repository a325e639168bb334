#include <stdlib.h>
#include <string.h>

extern int use_cache;

/* Copied into a heap buffer that nothing frees. */
size_t measure(const char *text)
{
    char *copy = NULL;
    if (use_cache) {
        copy = (char *)malloc(strlen(text) + 1);
        if (copy == NULL) {
            return 0;
        }
        strcpy(copy, text);
    }
    return copy ? strlen(copy) : 0;
}
