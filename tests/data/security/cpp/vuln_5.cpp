#include <cstdio>
void q(char* buf, const char* name) {
  sprintf(buf, "SELECT * FROM users WHERE name = '%s'", name);
}
