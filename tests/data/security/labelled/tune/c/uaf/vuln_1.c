#include <stdlib.h>

int last_bad(void)
{
    int *p = (int *)malloc(4 * sizeof(int));
    if (p == NULL) return 0;
    p[0] = 1;
    free(p);
    return p[0];
}
