#include <stdlib.h>
#include <string.h>
#include <stdio.h>

void CWE416_Use_After_Free__malloc_free_char_bad(void)
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    memset(data, 'A', 99);
    data[99] = '\0';
    free(data);
    printf("%s\n", data);
}
