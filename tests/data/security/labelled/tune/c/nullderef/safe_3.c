#include <stdio.h>

struct conn { int state; };

/* `&&` stops at the NULL check. */
int is_open(struct conn *c)
{
    if ((c != NULL) && (c->state == 1)) {
        return 1;
    }
    return 0;
}
