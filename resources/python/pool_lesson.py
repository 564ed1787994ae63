# Pool.map: a few worker processes estimate pi by
# Monte Carlo, task after task. map hands out the
# tasks in chunks and returns the results in
# input order.
# Parameters: workers=4 tasks=40 trials=100000
#   chunksize=0 (0: Python's choice)
#   skew=uniform|increasing (later tasks longer)
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
    rng = random.Random(task)  # same each run
    inside = 0
    for _ in range(trials):
        x, y = rng.random(), rng.random()
        inside += x * x + y * y <= 1
    return task, os.getpid(), trials, inside

def number(text):
    """argparse type: a whole number, 0 or more"""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)

def parameters():
    """name=value words; a bad one: exit code 2"""
    cli = ArgumentParser(usage=SUPPRESS,
                         allow_abbrev=False)
    add = cli.add_argument
    add("--workers", type=number, default=4)
    add("--tasks", type=number, default=40)
    add("--trials", type=number, default=100_000)
    add("--chunksize", type=number, default=0)
    add("--skew", default="uniform",
        choices=["uniform", "increasing"])
    # workers=4 is read as --workers=4
    args = cli.parse_args(
        ["--" + word for word in sys.argv[1:]])
    for name in ["workers", "tasks", "trials"]:
        if getattr(args, name) < 1:
            cli.error(f"{name} must be 1 or more")
    return args

if __name__ == "__main__":
    args = parameters()
    n, tasks = args.trials, args.tasks
    jobs = [(t, n) for t in range(tasks)]
    if args.skew == "increasing":  # same total
        grow = 2 * n / (tasks + 1)
        jobs = [(t, int(grow * (t + 1)))
                for t in range(tasks)]
    with Pool(args.workers) as pool:
        results = pool.map(estimate, jobs,
                           args.chunksize or None)

    order, pids, trials, hits = zip(*results)
    pi = 4 * sum(hits) / sum(trials)
    per_worker = Counter(pids)
    print(f"pi is about {pi:.5f}")
    print("tasks per worker:", dict(per_worker))
    print("result:", json.dumps({
        "pi": pi,
        "pi_error": abs(pi - math.pi),
        "trials": sum(trials),
        "tasks": order,
        "tasks_per_worker": per_worker}))
