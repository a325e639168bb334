#include <iostream>

struct Session { int id; };

/* The session is deleted in an always-taken branch and read after it. */
int close_and_log(int id)
{
    Session *s = new Session();
    s->id = id;
    if (true) {
        delete s;
    }
    std::cout << "closed";
    return s->id;
}
