# Pool.map: a few worker processes estimate pi by Monte
# Carlo, task after task. map hands out the tasks in chunks
# and returns the results in input order.
# Parameters (name=value): workers=4 tasks=40 trials=100000
#   chunksize=0 (0: Python's default)
#   skew=uniform|increasing (later tasks take longer)
import json
import math
import os
import random
import sys
from argparse import SUPPRESS, ArgumentParser
from collections import Counter
from multiprocessing import Pool


def estimate(job):
    task, trials = job
    rng = random.Random(task)  # the same points every run
    inside = 0
    for _ in range(trials):
        x, y = rng.random(), rng.random()
        inside += x * x + y * y <= 1
    return task, os.getpid(), trials, inside


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--workers", type=number, default=4)
    cli.add_argument("--tasks", type=number, default=40)
    cli.add_argument("--trials", type=number,
                     default=100_000)
    cli.add_argument("--chunksize", type=number, default=0)
    cli.add_argument("--skew", default="uniform",
                     choices=["uniform", "increasing"])
    args = cli.parse_args("--" + a for a in sys.argv[1:])
    if min(args.workers, args.tasks, args.trials) < 1:
        cli.error("workers, tasks and trials: 1 or more")

    n, tasks = args.trials, args.tasks
    jobs = [(task, n) for task in range(tasks)]
    if args.skew == "increasing":  # the same total
        jobs = [(t, max(1, 2 * n * (t + 1) // (tasks + 1)))
                for t in range(tasks)]
    with Pool(args.workers) as pool:
        results = pool.map(estimate, jobs,
                           args.chunksize or None)

    order, pids, trials, hits = zip(*results)
    pi = 4 * sum(hits) / sum(trials)
    per_worker = Counter(pids)
    print(f"pi is about {pi:.5f} ({sum(trials)} points)")
    print("tasks per worker:", dict(per_worker))
    print("result:", json.dumps({
        "pi": pi, "pi_error": abs(pi - math.pi),
        "trials": sum(trials), "tasks": order,
        "tasks_per_worker": per_worker}))
