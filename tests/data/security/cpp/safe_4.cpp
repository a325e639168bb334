#include <cstdio>
void q(char* buf, size_t n, int id) {
  snprintf(buf, n, "id=%d", id);
}
