#include <string.h>
#include <stdio.h>

void copy_good(void)
{
    char *data;
    char smallBuffer[10];
    char bigBuffer[20];
    data = bigBuffer;
    data[0] = '\0';
    {
        char source[20];
        memset(source, 'C', 20 - 1);
        source[20 - 1] = '\0';
        strcpy(data, source);
        puts(data);
    }
    (void)smallBuffer;
}
