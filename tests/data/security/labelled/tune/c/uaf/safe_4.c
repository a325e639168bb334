#include <stdio.h>
#include <stdlib.h>

extern int shutting_down(void);

/* Printed first, freed last. */
void flush_log(char *pending)
{
    char *line = (char *)malloc(80);
    if (line == NULL) {
        return;
    }
    snprintf(line, 80, "%s", pending);
    if (shutting_down()) {
        puts(line);
    }
    if (shutting_down()) {
        free(line);
    }
}
