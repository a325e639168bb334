#include <stdlib.h>
void run(const char* cmd) {
  system(cmd);
}
