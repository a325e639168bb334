#include <stdio.h>
void tmp(void) {
  char* name = tmpnam(NULL);
  fopen(name, "w");
}
