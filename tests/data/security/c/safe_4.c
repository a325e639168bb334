#include <stdlib.h>
int roll_die(void) {
  return 1 + rand() % 6;
}
