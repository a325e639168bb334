#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *CWE680_Integer_Overflow_to_Buffer_Overflow__malloc_good(const char *count_text)
{
    int count = atoi(count_text);
    if (count <= 0 || (size_t)count > SIZE_MAX / sizeof(int)) return NULL;
    int *buf = (int *)calloc((size_t)count, sizeof(int));
    return (char *)buf;
}
