#include <stdio.h>
#include <stdlib.h>

/* The same slot number, checked against the table's size before it is used. */
void bump_counter(int sock, int *counters)
{
    char line[16];
    int slot = -1;
    int got = recv(sock, line, sizeof(line) - 1, 0);
    if (got > 0) {
        line[got] = '\0';
        slot = atoi(line);
    }
    int table[32] = {0};
    if (slot >= 0 && slot < 32) {
        table[slot] = 1;
    }
    counters[0] = table[0];
}
