#include <stdio.h>

struct job { int id; };

extern int have_queue(void);

/* The later block checks the job before reading it. */
void print_job(struct job *queued)
{
    struct job *job;
    if (have_queue()) {
        job = queued;
    } else {
        job = NULL;
    }
    {
        if (job != NULL) {
            printf("%d\n", job->id);
        }
    }
}
