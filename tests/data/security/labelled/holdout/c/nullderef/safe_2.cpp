#include <iostream>

struct twoIntsStruct { int intOne; int intTwo; };

void CWE476_NULL_Pointer_Dereference__struct_good()
{
    twoIntsStruct value = {1, 2};
    twoIntsStruct *data = &value;
    if (data != NULL) std::cout << data->intOne << std::endl;
}
