#include <stdlib.h>

void CWE415_Double_Free__malloc_free_char_good(void)
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    free(data);
    data = NULL;
}
