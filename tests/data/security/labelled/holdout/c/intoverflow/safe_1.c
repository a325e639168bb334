#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

void CWE190_Integer_Overflow__int_fscanf_multiply_good(void)
{
    int data = 0;
    fscanf(stdin, "%d", &data);
    if (data > 0 && data < (INT_MAX / 2))
    {
        int result = data * 2;
        printf("%d\n", result);
    }
}
