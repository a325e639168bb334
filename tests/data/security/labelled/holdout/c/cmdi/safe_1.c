#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COMMAND "ls "

void CWE78_OS_Command_Injection__char_environment_system_good(void)
{
    char data_buf[100] = COMMAND;
    char *data = data_buf;
    strcat(data, "*.txt");
    if (system(data) != 0)
    {
        printf("command execution failed!\n");
        exit(1);
    }
}
