#include <stdio.h>
#include <string.h>

/* The command is fixed; the user's line only says whether to run it. */
int show_package(void)
{
    char command[256] = "dpkg -s coreutils";
    char answer[8];
    if (fgets(answer, sizeof(answer), stdin) == NULL || answer[0] != 'y') {
        return -1;
    }
    FILE *out = popen(command, "r");
    if (out == NULL) {
        return -1;
    }
    return pclose(out);
}
