#include <iostream>

void after_bad()
{
    int *data = new int(7);
    delete data;
    std::cout << *data << std::endl;
}
