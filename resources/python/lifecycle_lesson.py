# Process lifecycle: start, sleep, exit code,
# join. A child that has ended stays a zombie
# (state Z in ps) until its parent reaps it with
# join(); join-after-ms makes the parent wait
# that long (or more) first.
# Parameters: workers=3 sleep-ms=1000
#   sleep-jitter-ms=2000 join-after-ms=0
#   exit-code=0
import json
import os
import random
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process
from multiprocessing.connection import wait

def nap(seconds, code):
    print(os.getpid(), "child of", os.getppid(),
          flush=True)
    time.sleep(seconds)
    sys.exit(code)  # the parent's p.exitcode

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
    add("--workers", type=number, default=3)
    add("--sleep-ms", type=number, default=1000)
    add("--sleep-jitter-ms", type=number,
        default=2000)
    add("--join-after-ms", type=number, default=0)
    add("--exit-code", type=number, default=0)
    # workers=4 is read as --workers=4
    args = cli.parse_args(
        ["--" + word for word in sys.argv[1:]])
    if args.exit_code > 255:
        cli.error("exit-code must be 0 to 255")
    return args

if __name__ == "__main__":
    args = parameters()
    low = args.sleep_ms / 1000  # seconds
    high = low + args.sleep_jitter_ms / 1000
    kids = []
    for _ in range(args.workers):
        seconds = random.uniform(low, high)
        kids.append(Process(target=nap, args=(
            seconds, args.exit_code)))
    for p in kids:
        p.start()
        print("started", p.pid)

    codes = {}
    running = {p.sentinel: p for p in kids}
    while running:
        # ready once a child has ended, not reaped
        for ended in wait(list(running)):
            p = running.pop(ended)
            # a zombie meanwhile
            time.sleep(args.join_after_ms / 1000)
            p.join()  # reaps it: no more zombie
            # exit code < 0: killed by that signal
            codes[p.pid] = p.exitcode
            print(p.pid, "exit code", p.exitcode)

    signalled = sum(c < 0 for c in codes.values())
    print("result:", json.dumps({
        "exit_codes": codes,
        "expected_exit_code": args.exit_code,
        "signalled": signalled}))
