#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

void add_good(void)
{
    int data = 0;
    char input[32];
    if (fgets(input, sizeof input, stdin) == NULL) return;
    data = atoi(input);
    if (data < INT_MAX)
    {
        int result = data + 1;
        printf("%d\n", result);
    }
}
