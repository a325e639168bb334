#include <stdio.h>
#include <string.h>

void greet_good(const char *name)
{
    char line[32];
    snprintf(line, sizeof line, "Hello, %s!", name);
    puts(line);
}
