#include <string.h>

void copy_name(const char *input) {
    char name[16];
    strcpy(name, input);
}
