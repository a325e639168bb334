#include <cstdio>
void log_msg(const char* msg) {
  printf("%s", msg);
}
