# Lock: several processes add 1 to one shared
# counter. counter.value += 1 is read, add, write:
# without a lock another process slips in between
# and updates are lost.
# Parameters: workers=4 increments=100000
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
    add("--increments", type=number,
        default=100_000)
    add("--lock", choices=["on", "off"],
        default="on")
    # workers=4 is read as --workers=4
    return cli.parse_args(
        ["--" + word for word in sys.argv[1:]])

if __name__ == "__main__":
    args = parameters()
    counter = Value("q", 0)  # a shared 64-bit int
    lock = Lock()
    if args.lock == "off":
        lock = nullcontext()  # lets everyone in
    team = [Process(target=add_ones, args=(
                counter, lock, args.increments))
            for _ in range(args.workers)]
    for p in team:
        p.start()
    for p in team:
        p.join()

    expected = args.workers * args.increments
    print(counter.value, "of", expected)
    print("result:", json.dumps({
        "lock": args.lock,
        "counter": counter.value,
        "expected": expected,
        "lost": expected - counter.value}))
