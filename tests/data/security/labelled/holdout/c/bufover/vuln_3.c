#include <stdio.h>

void CWE242_Use_of_Inherently_Dangerous_Function__basic_bad(void)
{
    char dest[32];
    char *result = gets(dest);
    if (result != NULL) printf("%s\n", dest);
}
