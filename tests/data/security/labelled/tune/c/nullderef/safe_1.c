#include <stdlib.h>
#include <string.h>

void fill_good(size_t n)
{
    char *buf = (char *)malloc(n);
    if (!buf) return;
    memset(buf, 0, n);
    free(buf);
}
