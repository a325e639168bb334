#include <stdio.h>

/* A quantity typed on stdin is doubled with no upper bound; the blocks always run. */
void double_quantity(void)
{
    int quantity = 0;
    if (2 > 1) {
        fscanf(stdin, "%d", &quantity);
    }
    if (1) {
        int total = quantity * 2;
        printf("%d\n", total);
    }
}
