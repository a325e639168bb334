#include <stdlib.h>

int last_good(void)
{
    int *p = (int *)malloc(4 * sizeof(int));
    if (p == NULL) return 0;
    p[0] = 1;
    int v = p[0];
    free(p);
    return v;
}
