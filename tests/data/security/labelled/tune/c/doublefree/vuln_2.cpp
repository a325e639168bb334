#include <iostream>

void twice_bad()
{
    long *data = new long[10];
    data[0] = 5L;
    delete [] data;
    delete [] data;
}
