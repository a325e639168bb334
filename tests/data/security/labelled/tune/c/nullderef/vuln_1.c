#include <stdlib.h>
#include <string.h>

void fill_bad(size_t n)
{
    char *buf = (char *)malloc(n);
    memset(buf, 0, n);
    free(buf);
}
