#include <stdlib.h>
#include <string.h>
#include <stdio.h>

void CWE401_Memory_Leak__char_malloc_good(void)
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    strcpy(data, "A String");
    printf("%s\n", data);
    free(data);
}
