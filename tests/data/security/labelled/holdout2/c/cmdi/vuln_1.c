#include <stdlib.h>
#include <string.h>

void run_bad(void)
{
    char cmd[100] = "ls ";
    size_t len = strlen(cmd);
    char *extra = getenv("EXTRA_DIR");
    if (extra != NULL)
    {
        strncat(cmd + len, extra, 100 - len - 1);
    }
    system(cmd);
}
