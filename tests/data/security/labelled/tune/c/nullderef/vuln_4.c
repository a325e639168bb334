#include <stdio.h>

struct job { int id; };

extern int have_queue(void);

/* With no queue the job stays NULL, and it is read in a later block all the same. */
void print_job(struct job *queued)
{
    struct job *job;
    if (have_queue()) {
        job = queued;
    } else {
        job = NULL;
    }
    {
        printf("%d\n", job->id);
    }
}
