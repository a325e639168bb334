#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>

void log_user(void)
{
    char *data = getenv("USER_NOTE");
    if (data != NULL)
    {
        syslog(LOG_INFO, "%s", data);
    }
}
