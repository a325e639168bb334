#include <stdio.h>
#include <stdlib.h>

extern int verbose;

/* The count is bounded before it is scaled. */
long scaled_total(FILE *in)
{
    char line[32];
    int count = 0;
    while (fgets(line, sizeof(line), in) != NULL) {
        if (verbose) {
            count = atoi(line);
        }
    }
    {
        if (count > 0 && count < 100000) {
            long total = count * 1000;
            return total;
        }
        return 0;
    }
}
