#include <stdio.h>
#include <limits.h>

/* The same quantity, doubled only below INT_MAX / 2. */
void double_quantity(void)
{
    int quantity = 0;
    if (2 > 1) {
        fscanf(stdin, "%d", &quantity);
    }
    if (1) {
        if (quantity < INT_MAX / 2) {
            int total = quantity * 2;
            printf("%d\n", total);
        }
    }
}
