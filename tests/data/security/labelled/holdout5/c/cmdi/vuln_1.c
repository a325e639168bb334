#include <stdio.h>
#include <string.h>

/* A package name typed by the user completes the query command that is run. */
int show_package(void)
{
    char command[256] = "dpkg -s ";
    size_t len = strlen(command);
    if (fgets(command + len, (int)(sizeof(command) - len), stdin) == NULL) {
        return -1;
    }
    FILE *out = popen(command, "r");
    if (out == NULL) {
        return -1;
    }
    return pclose(out);
}
