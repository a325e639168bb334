#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMMAND "ls "

void CWE78_OS_Command_Injection__char_environment_system_bad(void)
{
    char data_buf[100] = COMMAND;
    char *data = data_buf;
    {
        size_t dataLen = strlen(data);
        char *environment = getenv("ADD");
        if (environment != NULL)
        {
            strncat(data + dataLen, environment, 100 - dataLen - 1);
        }
    }
    if (system(data) != 0)
    {
        printf("command execution failed!\n");
        exit(1);
    }
}
