#include <stdlib.h>
#include <stdio.h>

void CWE690_NULL_Deref_From_Return__malloc_good(void)
{
    int *data = (int *)malloc(10 * sizeof(int));
    if (data == NULL) exit(-1);
    data[0] = 5;
    printf("%d\n", data[0]);
    free(data);
}
