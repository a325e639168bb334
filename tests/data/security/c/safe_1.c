#include <stdio.h>
void read_line(char* buf, int n) {
  fgets(buf, n, stdin);
}
