#include <stdlib.h>

void release_bad(int fail)
{
    int *p = (int *)calloc(4, sizeof(int));
    if (p == NULL) return;
    if (fail)
    {
        free(p);
    }
    free(p);
}
