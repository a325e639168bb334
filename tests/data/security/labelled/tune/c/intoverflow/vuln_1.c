#include <stdio.h>
#include <stdlib.h>

void add_bad(void)
{
    int data = 0;
    char input[32];
    if (fgets(input, sizeof input, stdin) == NULL) return;
    data = atoi(input);
    int result = data + 1;
    printf("%d\n", result);
}
