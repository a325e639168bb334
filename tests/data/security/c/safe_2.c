#include <string.h>
void join(char* dst, size_t n, const char* src) {
  strncat(dst, src, n - strlen(dst) - 1);
}
