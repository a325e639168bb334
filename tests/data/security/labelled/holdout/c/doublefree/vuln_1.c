#include <stdlib.h>

void CWE415_Double_Free__malloc_free_char_bad(void)
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    free(data);
    free(data);
}
