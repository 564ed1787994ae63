# Semaphore: six workers, two permits. At most two are
# inside at once; the others wait for a permit to free up.
# Each worker counts itself in and out, so the program
# knows the most that were ever inside together.
# Parameters (name=value): workers=6 permits=2 hold-ms=2000
#   (permits: 1 to workers)
import json
import math
import os
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process, Semaphore, Value


def work(permits, inside, most, seconds):
    with permits:  # waits while every permit is taken
        with inside.get_lock():
            inside.value += 1
            most.value = max(most.value, inside.value)
        print(os.getpid(), "got a permit")
        time.sleep(seconds)
        with inside.get_lock():
            inside.value -= 1
    print(os.getpid(), "gave it back")


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--workers", type=number, default=6)
    cli.add_argument("--permits", type=number, default=2)
    cli.add_argument("--hold-ms", type=number, default=2000)
    args = cli.parse_args("--" + a for a in sys.argv[1:])
    if not 1 <= args.permits <= args.workers:
        cli.error("argument --permits: 1 to workers")

    permits = Semaphore(args.permits)
    inside, most = Value("i", 0), Value("i", 0)
    begin = time.perf_counter()
    crowd = [Process(target=work, args=(
                permits, inside, most, args.hold_ms / 1000))
             for _ in range(args.workers)]
    for p in crowd:
        p.start()
    for p in crowd:
        p.join()
    elapsed = time.perf_counter() - begin

    print("at most", most.value, "inside at once")
    rounds = math.ceil(args.workers / args.permits)
    print("result:", json.dumps({
        "max_concurrent": most.value,
        "permits": args.permits, "elapsed_s": elapsed,
        "ideal_elapsed_s": rounds * args.hold_ms / 1000}))
