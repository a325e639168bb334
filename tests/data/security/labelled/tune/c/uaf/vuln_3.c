#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEBUG_CLEANUP 1

/* The cleanup block is compiled in, so the message is printed after it was freed. */
void report(const char *text)
{
    char *msg = (char *)malloc(64);
    if (msg == NULL) {
        return;
    }
    strncpy(msg, text, 63);
    msg[63] = '\0';
    if (DEBUG_CLEANUP) {
        free(msg);
    }
    if (1) {
        puts(msg);
    }
}
