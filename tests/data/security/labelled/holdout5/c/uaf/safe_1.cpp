#include <iostream>

struct Session { int id; };

/* The id is read before the session is deleted. */
int close_and_log(int id)
{
    Session *s = new Session();
    s->id = id;
    int closed = s->id;
    if (true) {
        delete s;
    }
    std::cout << "closed";
    return closed;
}
