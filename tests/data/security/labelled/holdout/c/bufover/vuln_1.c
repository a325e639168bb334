#include <stdio.h>
#include <string.h>

void CWE121_Stack_Based_Buffer_Overflow__char_type_overrun_memcpy_bad(const char *src, size_t n)
{
    char dest[16];
    memcpy(dest, src, n);
    dest[15] = '\0';
    printf("%s\n", dest);
}
