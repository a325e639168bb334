#include <stdio.h>
#include <stdlib.h>

void CWE190_Integer_Overflow__int_fscanf_multiply_bad(void)
{
    int data = 0;
    fscanf(stdin, "%d", &data);
    if (data > 0)
    {
        int result = data * 2;
        printf("%d\n", result);
    }
}
