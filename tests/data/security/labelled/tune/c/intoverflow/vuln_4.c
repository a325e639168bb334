#include <stdio.h>
#include <stdlib.h>

extern int verbose;

/* A count read inside a loop over the input is scaled later with no upper bound. */
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
        long total = count * 1000;
        return total;
    }
}
