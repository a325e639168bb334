#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#define SHELL "/bin/sh"
#define RUN_COMMAND execl
#define ARGS cmd

/* The peer's text is appended to a fixed command and run by a shell (through macros). */
void run_for_peer(int sock)
{
    char buffer[128] = "ls ";
    char *cmd = buffer;
    size_t used = strlen(cmd);
    ssize_t got = recv(sock, (char *)(cmd + used), sizeof(buffer) - used - 1, 0);
    if (got <= 0) {
        return;
    }
    cmd[used + got] = '\0';
    RUN_COMMAND(SHELL, SHELL, "-c", ARGS, NULL);
}
