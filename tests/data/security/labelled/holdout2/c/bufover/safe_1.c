#include <string.h>

void fill_good(const char *src)
{
    char dst[8] = "";
    if (strlen(src) < sizeof(dst))
    {
        strcat(dst, src);
    }
}
