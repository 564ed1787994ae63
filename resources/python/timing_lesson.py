# Threads vs processes: the same CPU-bound loop for each
# worker, one after another, in threads, then in processes.
# Only processes run in parallel: CPython's GIL lets one
# thread at a time run Python code.
# Parameters (name=value): workers=4 iterations=4000000
#   mode=sequential|threads|processes|all
import json
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process
from threading import Thread


def add_up(n):
    total = 0
    for k in range(n):
        total += k
    return total


def run(mode, workers, n):
    begin = time.perf_counter()
    if mode == "sequential":
        for _ in range(workers):
            add_up(n)
    else:  # a Thread and a Process are used alike
        kind = Thread if mode == "threads" else Process
        team = [kind(target=add_up, args=(n,))
                for _ in range(workers)]
        for t in team:
            t.start()
        for t in team:
            t.join()
    return time.perf_counter() - begin


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    modes = ["sequential", "threads", "processes"]
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--mode", choices=modes + ["all"],
                     default="all")
    cli.add_argument("--workers", type=number, default=4)
    cli.add_argument("--iterations", type=number,
                     default=4_000_000)
    args = cli.parse_args("--" + a for a in sys.argv[1:])

    if args.mode != "all":
        modes = [args.mode]
    elapsed = {}
    for mode in modes:
        elapsed[mode] = run(mode, args.workers,
                            args.iterations)
        print(f"{mode:>10}: {elapsed[mode]:.2f} s")
    print("result:", json.dumps({"modes": [
        {"mode": mode, "elapsed_s": seconds}
        for mode, seconds in elapsed.items()]}))
