# Lock: several processes add 1 to one shared counter.
# counter.value += 1 is read, add, write: without a lock
# another process slips in between and updates are lost.
# Parameters (name=value): workers=4 increments=100000
#   lock=on|off
import json
import sys
from argparse import SUPPRESS, ArgumentParser
from contextlib import nullcontext
from multiprocessing import Lock, Process, Value


def add_ones(counter, lock, times):
    for _ in range(times):
        with lock:
            counter.value += 1


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--workers", type=number, default=4)
    cli.add_argument("--increments", type=number,
                     default=100_000)
    cli.add_argument("--lock", choices=["on", "off"],
                     default="on")
    args = cli.parse_args("--" + a for a in sys.argv[1:])

    counter = Value("q", 0)  # a 64-bit int in shared memory
    # off: a "lock" that lets everyone in at once
    lock = Lock() if args.lock == "on" else nullcontext()
    team = [Process(target=add_ones,
                    args=(counter, lock, args.increments))
            for _ in range(args.workers)]
    for p in team:
        p.start()
    for p in team:
        p.join()

    expected = args.workers * args.increments
    print(counter.value, "of", expected)
    print("result:", json.dumps({
        "lock": args.lock, "counter": counter.value,
        "expected": expected,
        "lost": expected - counter.value}))
