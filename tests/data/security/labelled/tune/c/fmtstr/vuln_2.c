#include <stdio.h>

void log_line(FILE *in) {
    char buf[200];
    if (fgets(buf, sizeof buf, in) != NULL) {
        fprintf(stderr, buf);
    }
}
