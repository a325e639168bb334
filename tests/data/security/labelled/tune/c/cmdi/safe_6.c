#include <stdlib.h>
#include <string.h>

/* The environment variable only chooses between two fixed flags. */
int list_extra(void)
{
    char command[128] = "ls ";
    size_t len = strlen(command);
    char *extra = getenv("LIST_FLAGS");
    if (extra != NULL && strcmp(extra, "long") == 0) {
        strncat(command + len, "-l", sizeof(command) - len - 1);
    }
    return system(command);
}
