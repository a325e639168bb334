#include <stdio.h>
#include <string.h>
#include <stdlib.h>

void CWE122_Heap_Based_Buffer_Overflow__c_CWE806_char_ncat_bad(int argc, char **argv)
{
    char *data = (char *)malloc(50 * sizeof(char));
    if (data == NULL) exit(-1);
    data[0] = '\0';
    if (argc > 1)
    {
        strcpy(data, argv[1]);
    }
    printf("%s\n", data);
    free(data);
}
