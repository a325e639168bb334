#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#define SHELL "/bin/sh"
#define RUN_COMMAND execl
#define ARGS cmd

/* The command gets a fixed suffix; what the peer sent only decides whether it runs. */
void run_for_peer(int sock)
{
    char buffer[128] = "ls ";
    char *cmd = buffer;
    char answer[8];
    ssize_t got = recv(sock, answer, sizeof(answer) - 1, 0);
    if (got <= 0 || answer[0] != 'y') {
        return;
    }
    strcat(cmd, "-la");
    RUN_COMMAND(SHELL, SHELL, "-c", ARGS, NULL);
}
