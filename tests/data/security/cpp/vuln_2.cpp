#include <cstring>
void copy(char* dst, const char* src) {
  strcpy(dst, src);
}
