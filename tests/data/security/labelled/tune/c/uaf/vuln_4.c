#include <stdio.h>
#include <stdlib.h>

extern int shutting_down(void);

/* The buffer may be freed in one block and printed in the next. */
void flush_log(char *pending)
{
    char *line = (char *)malloc(80);
    if (line == NULL) {
        return;
    }
    snprintf(line, 80, "%s", pending);
    if (shutting_down()) {
        free(line);
    }
    if (shutting_down()) {
        puts(line);
    }
}
