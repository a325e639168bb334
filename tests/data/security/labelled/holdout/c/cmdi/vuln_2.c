#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char cmd[256];
    char line[128];
    if (fgets(line, sizeof line, stdin) == NULL) return 1;
    snprintf(cmd, sizeof cmd, "grep %s /var/log/app.log", line);
    FILE *p = popen(cmd, "r");
    if (p) pclose(p);
    return 0;
}
