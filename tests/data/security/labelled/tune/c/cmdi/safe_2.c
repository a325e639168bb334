#include <stdio.h>
#include <stdlib.h>

void run_from_env(void) {
    const char *dir = getenv("TARGET_DIR");
    FILE *p = popen("du -sh /var/log", "r");
    if (p) pclose(p);
    if (dir) puts(dir);
}
