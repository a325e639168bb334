#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    char cmd[128] = "cat ";
    strncat(cmd, "/etc/motd", sizeof cmd - strlen(cmd) - 1);
    return system(cmd);
}
