#include <stdlib.h>
#include <string.h>

char *CWE680_Integer_Overflow_to_Buffer_Overflow__malloc_bad(const char *count_text)
{
    int count = atoi(count_text);
    int *buf = (int *)malloc(count * sizeof(int));
    if (buf == NULL) return NULL;
    memset(buf, 0, count * sizeof(int));
    return (char *)buf;
}
