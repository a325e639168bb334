#include <stdlib.h>
#include <string.h>

int count_good(const char *s)
{
    char *copy = strdup(s);
    if (copy == NULL) return -1;
    int n = (int)strlen(copy);
    free(copy);
    return n;
}
