#include <stdio.h>

void sub_bad(void)
{
    int data = 0;
    scanf("%d", &data);
    int result = data - 1;
    printf("%d\n", result);
}
