#include <iostream>

struct twoIntsStruct { int intOne; int intTwo; };

void CWE476_NULL_Pointer_Dereference__struct_bad()
{
    twoIntsStruct *data = NULL;
    std::cout << data->intOne << std::endl;
}
