#include <stdio.h>
#include <string.h>

void greet_bad(const char *name)
{
    char line[32];
    sprintf(line, "Hello, %s!", name);
    puts(line);
}
