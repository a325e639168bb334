#include <string.h>

void fill_bad(const char *src)
{
    char dst[8];
    strcat(dst, src);
}
