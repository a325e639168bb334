#include <stdlib.h>
#include <string.h>

int count_bad(const char *s)
{
    char *copy = strdup(s);
    if (copy == NULL) return -1;
    return (int)strlen(copy);
}
