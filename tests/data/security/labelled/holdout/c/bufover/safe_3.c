#include <stdio.h>
#include <string.h>

void CWE242_Use_of_Inherently_Dangerous_Function__basic_good(void)
{
    char dest[32];
    if (fgets(dest, sizeof(dest), stdin) != NULL)
    {
        dest[strcspn(dest, "\n")] = '\0';
        printf("%s\n", dest);
    }
}
