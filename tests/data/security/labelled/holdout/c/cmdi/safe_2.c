#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char line[128];
    if (fgets(line, sizeof line, stdin) == NULL) return 1;
    char *const args[] = {"grep", "--", line, "/var/log/app.log", NULL};
    execvp("grep", args);
    return 0;
}
