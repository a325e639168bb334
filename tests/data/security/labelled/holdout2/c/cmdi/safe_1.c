#include <stdlib.h>
#include <string.h>

void run_good(void)
{
    char cmd[100] = "ls ";
    size_t len = strlen(cmd);
    strncat(cmd + len, "/var/tmp", 100 - len - 1);
    system(cmd);
}
