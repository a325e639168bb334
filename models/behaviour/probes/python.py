import heapq
from dataclasses import dataclass, field


@dataclass(order=True)
class Job:
    priority: int
    name: str = field(compare=False)
    retries: int = field(default=0, compare=False)


class Scheduler:
    """Runs jobs by priority; a failed job is queued again with a lower priority."""

    def __init__(self, max_retries=3):
        self.queue = []
        self.max_retries = max_retries
        self.done = []

    def submit(self, job):
        heapq.heappush(self.queue, job)

    def run(self, worker):
        while self.queue:
            job = heapq.heappop(self.queue)
            try:
                worker(job)
            except RuntimeError:
                if job.retries < self.max_retries:
                    job.retries += 1
                    job.priority += 10
                    self.submit(job)
                continue
            self.done.append(job.name)
        return self.done
