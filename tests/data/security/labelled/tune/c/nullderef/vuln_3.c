#include <stdio.h>

struct conn { int state; };

/* `&` evaluates both sides: the state is read even when the connection is NULL. */
int is_open(struct conn *c)
{
    if ((c != NULL) & (c->state == 1)) {
        return 1;
    }
    return 0;
}
