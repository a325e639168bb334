#include <stdio.h>
#include <string.h>

void CWE134_Uncontrolled_Format_String__char_console_printf_good(void)
{
    char data_buf[100] = "";
    char *data = data_buf;
    if (fgets(data, 100, stdin) != NULL)
    {
        data[strcspn(data, "\n")] = '\0';
    }
    printf("%s\n", data);
}
