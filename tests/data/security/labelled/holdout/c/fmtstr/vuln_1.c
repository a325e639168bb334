#include <stdio.h>
#include <string.h>

void CWE134_Uncontrolled_Format_String__char_console_printf_bad(void)
{
    char data_buf[100] = "";
    char *data = data_buf;
    size_t dataLen = strlen(data);
    if (100 - dataLen > 1)
    {
        if (fgets(data + dataLen, (int)(100 - dataLen), stdin) != NULL)
        {
            dataLen = strlen(data);
            if (dataLen > 0 && data[dataLen - 1] == '\n') data[dataLen - 1] = '\0';
        }
    }
    printf(data);
}
