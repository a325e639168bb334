#include <cstring>
#include <iostream>

void leak_good()
{
    char *data = new char[100];
    strcpy(data, "A String");
    std::cout << data << std::endl;
    delete [] data;
}
