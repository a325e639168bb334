#include <stdio.h>
void log_msg(const char* msg) {
  printf(msg);
}
