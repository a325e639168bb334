#include <cstring>
#include <iostream>

void leak_bad()
{
    char *data = new char[100];
    strcpy(data, "A String");
    std::cout << data << std::endl;
}
