#include <iostream>

void after_good()
{
    int *data = new int(7);
    std::cout << *data << std::endl;
    delete data;
}
