#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void run_from_env(void) {
    char line[128];
    const char *dir = getenv("TARGET_DIR");
    strncpy(line, "du -sh ", sizeof line - 1);
    strncat(line, dir, sizeof line - strlen(line) - 1);
    FILE *p = popen(line, "r");
    if (p) pclose(p);
}
