#include <stddef.h>

struct node { struct node *next; int weight; };

/* `|` evaluates the weight even when the node is missing. */
int is_light(const struct node *n)
{
    if ((n == NULL) | (n->weight < 10)) {
        return 1;
    }
    return 0;
}
