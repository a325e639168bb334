#include <stdio.h>

void null_bad(void)
{
    int *data;
    data = NULL;
    printf("%d\n", *data);
}
