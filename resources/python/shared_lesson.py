# Value and Array: every process adds 1 to a shared Value
# and to each element of a shared Array. Without their
# locks updates are lost, each number by its own count.
# Parameters (name=value): workers=4 rounds=10000
#   elements=8 lock=off|on
import json
import sys
from argparse import SUPPRESS, ArgumentParser
from contextlib import nullcontext
from multiprocessing import Array, Process, Value


def update(v, a, rounds, locking):
    for _ in range(rounds):
        with v.get_lock() if locking else nullcontext():
            v.value += 1
        with a.get_lock() if locking else nullcontext():
            for i in range(len(a)):
                a[i] += 1


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--workers", type=number, default=4)
    cli.add_argument("--rounds", type=number,
                     default=10_000)
    cli.add_argument("--elements", type=number, default=8)
    cli.add_argument("--lock", choices=["off", "on"],
                     default="off")
    args = cli.parse_args("--" + a for a in sys.argv[1:])

    v = Value("q", 0)  # a shared 64-bit int
    a = Array("q", args.elements)  # shared ints, all 0
    team = [Process(target=update, args=(
                v, a, args.rounds, args.lock == "on"))
            for _ in range(args.workers)]
    for p in team:
        p.start()
    for p in team:
        p.join()

    expected = args.workers * args.rounds
    print(v.value, list(a), "of", expected)
    print("result:", json.dumps({
        "lock": args.lock, "value": v.value,
        "array": list(a), "expected": expected,
        "value_lost": expected - v.value,
        "array_lost": [expected - x for x in a]}))
