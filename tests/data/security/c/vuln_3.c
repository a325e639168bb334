#include <string.h>
void join(char* dst, const char* src) {
  strcat(dst, src);
}
