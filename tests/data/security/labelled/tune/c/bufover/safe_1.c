#include <stdio.h>

void copy_name(const char *input) {
    char name[16];
    snprintf(name, sizeof name, "%s", input);
}
