#include <iostream>

void twice_good()
{
    long *data = new long[10];
    data[0] = 5L;
    delete [] data;
}
