# Threads vs processes: the same CPU-bound loop
# for each worker, one after another, in threads,
# then in processes. Only processes run in
# parallel: CPython's GIL lets one thread at a
# time run Python code.
# Parameters: workers=4 iterations=4000000
#   mode=sequential|threads|processes|all
import json
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process
from threading import Thread

MODES = ["sequential", "threads", "processes"]

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
    else:  # a Thread and a Process look alike
        kind = Process
        if mode == "threads":
            kind = Thread
        team = [kind(target=add_up, args=(n,))
                for _ in range(workers)]
        for t in team:
            t.start()
        for t in team:
            t.join()
    return time.perf_counter() - begin

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
    add("--mode", choices=MODES + ["all"],
        default="all")
    add("--workers", type=number, default=4)
    add("--iterations", type=number,
        default=4_000_000)
    # workers=4 is read as --workers=4
    return cli.parse_args(
        ["--" + word for word in sys.argv[1:]])

if __name__ == "__main__":
    args = parameters()
    modes = MODES
    if args.mode != "all":
        modes = [args.mode]
    elapsed = {}
    for mode in modes:
        took = run(mode, args.workers,
                   args.iterations)
        elapsed[mode] = took
        print(f"{mode:>10}: {took:.2f} s")
    print("result:", json.dumps({"modes": [
        {"mode": mode, "elapsed_s": seconds}
        for mode, seconds in elapsed.items()]}))
