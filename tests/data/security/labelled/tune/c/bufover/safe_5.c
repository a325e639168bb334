#include <stdlib.h>
#include <string.h>

void heap_good(void)
{
    int *data = (int *)malloc(20 * sizeof(int));
    if (data == NULL) exit(-1);
    int source[20] = {0};
    memcpy(data, source, 20 * sizeof(int));
    free(data);
}
