#include <stdio.h>
void read_line(char* buf) {
  gets(buf);
}
