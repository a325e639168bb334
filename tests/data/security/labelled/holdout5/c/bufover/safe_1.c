#include <stdio.h>
#include <stdlib.h>

static char levels[16];

/* The level index is refused when it is past the end of the table. */
int set_level_from(FILE *cfg, char value)
{
    char line[32];
    long idx;
    if (fgets(line, sizeof(line), cfg) == NULL) {
        return -1;
    }
    idx = strtol(line, NULL, 10);
    if (idx < 0 || idx >= 16) {
        return -1;
    }
    levels[idx] = value;
    return 0;
}
