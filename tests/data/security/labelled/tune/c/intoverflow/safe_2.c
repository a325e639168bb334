#include <stdio.h>
#include <limits.h>

void sub_good(void)
{
    int data = 0;
    scanf("%d", &data);
    if (data > INT_MIN)
    {
        int result = data - 1;
        printf("%d\n", result);
    }
}
