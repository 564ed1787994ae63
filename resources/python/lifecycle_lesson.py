# Process lifecycle: start, sleep, exit code, join.
# A child that has ended stays a zombie (state Z in ps)
# until its parent reaps it with join(); join-after-ms
# makes the parent wait that long (or more) first.
# Parameters (name=value): workers=3 sleep-ms=1000
#   sleep-jitter-ms=2000 join-after-ms=0 exit-code=0
import json
import os
import random
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process
from multiprocessing.connection import wait


def nap(seconds, code):
    print(os.getpid(), "child of", os.getppid())
    time.sleep(seconds)
    sys.exit(code)  # the parent reads it as p.exitcode


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--workers", type=number, default=3)
    cli.add_argument("--sleep-ms", type=number,
                     default=1000)
    cli.add_argument("--sleep-jitter-ms", type=number,
                     default=2000)
    cli.add_argument("--join-after-ms", type=number,
                     default=0)
    cli.add_argument("--exit-code", type=number, default=0)
    args = cli.parse_args("--" + a for a in sys.argv[1:])
    if args.exit_code > 255:
        cli.error("argument --exit-code: 0 to 255")

    kids = []
    for _ in range(args.workers):
        ms = args.sleep_ms
        ms += random.randint(0, args.sleep_jitter_ms)
        kids.append(Process(target=nap, args=(
            ms / 1000, args.exit_code)))
    for p in kids:
        p.start()
        print("started", p.pid)

    codes = {}
    running = {p.sentinel: p for p in kids}
    while running:
        # ready once a child has ended, before it is reaped
        for ended in wait(list(running)):
            p = running.pop(ended)
            time.sleep(args.join_after_ms / 1000)  # zombie
            p.join()  # reaps it: the zombie is gone
            codes[p.pid] = p.exitcode  # < 0: a signal
            print(p.pid, "exit code", p.exitcode)

    print("result:", json.dumps({
        "exit_codes": codes,
        "expected_exit_code": args.exit_code,
        "signalled": sum(c < 0 for c in codes.values())}))
