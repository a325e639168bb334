#include <stdlib.h>
int make_token(void) {
  int token = rand();
  return token;
}
