# Value and Array: every process adds 1 to a
# shared Value and to each element of a shared
# Array. Without their locks updates are lost,
# each number by its own count.
# Parameters: workers=4 rounds=10000 elements=8
#   lock=off|on
import json
import sys
from argparse import SUPPRESS, ArgumentParser
from contextlib import nullcontext
from multiprocessing import Array, Process, Value

def update(v, a, rounds, locking):
    v_lock = a_lock = nullcontext()  # no lock
    if locking:  # each one's own lock
        v_lock = v.get_lock()
        a_lock = a.get_lock()
    for _ in range(rounds):
        with v_lock:
            v.value += 1
        with a_lock:
            for i in range(len(a)):
                a[i] += 1

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
    add("--rounds", type=number, default=10_000)
    add("--elements", type=number, default=8)
    add("--lock", choices=["off", "on"],
        default="off")
    # workers=4 is read as --workers=4
    return cli.parse_args(
        ["--" + word for word in sys.argv[1:]])

if __name__ == "__main__":
    args = parameters()
    v = Value("q", 0)  # a shared 64-bit int
    a = Array("q", args.elements)  # all 0
    locking = args.lock == "on"
    team = [Process(target=update, args=(
                v, a, args.rounds, locking))
            for _ in range(args.workers)]
    for p in team:
        p.start()
    for p in team:
        p.join()

    expected = args.workers * args.rounds
    print(v.value, list(a), "of", expected)
    print("result:", json.dumps({
        "lock": args.lock,
        "value": v.value,
        "array": list(a),
        "expected": expected,
        "value_lost": expected - v.value,
        "array_lost": [expected - x for x in a]}))
