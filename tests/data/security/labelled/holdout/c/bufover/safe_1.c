#include <stdio.h>
#include <string.h>

void CWE121_Stack_Based_Buffer_Overflow__char_type_overrun_memcpy_good(const char *src, size_t n)
{
    char dest[16];
    if (n >= sizeof(dest)) n = sizeof(dest) - 1;
    memcpy(dest, src, n);
    dest[n] = '\0';
    printf("%s\n", dest);
}
