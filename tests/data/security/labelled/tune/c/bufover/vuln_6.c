#include <stdio.h>
#include <stdlib.h>

/* A slot number read from the network picks the counter to bump: only the lower bound is checked. */
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
    if (slot >= 0) {
        table[slot] = 1;
    }
    counters[0] = table[0];
}
