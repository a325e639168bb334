#include <stdio.h>

void null_good(void)
{
    int value = 5;
    int *data;
    data = NULL;
    data = &value;
    printf("%d\n", *data);
}
