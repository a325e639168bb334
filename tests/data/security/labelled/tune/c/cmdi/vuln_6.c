#include <stdlib.h>
#include <string.h>

/* An environment variable is appended to a fixed command and the result run by the shell. */
int list_extra(void)
{
    char command[128] = "ls ";
    size_t len = strlen(command);
    char *extra = getenv("LIST_FLAGS");
    if (extra != NULL) {
        strncat(command + len, extra, sizeof(command) - len - 1);
    }
    return system(command);
}
