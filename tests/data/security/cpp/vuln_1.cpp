#include <cstdlib>
void run(const char* cmd) {
  std::system(cmd);
}
