# Semaphore: six workers, two permits. At most
# two are inside at once; the others wait for a
# permit to free up. Each worker counts itself in
# and out, so the program knows the most that
# were ever inside together.
# Parameters: workers=6 permits=2 hold-ms=2000
#   (permits: 1 to workers)
import json
import math
import os
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import (Process, Semaphore,
                             Value)

def work(permits, inside, most, seconds):
    me = os.getpid()
    with permits:  # waits while none is free
        with inside.get_lock():
            inside.value += 1
            if inside.value > most.value:
                most.value = inside.value
        print(me, "got a permit", flush=True)
        time.sleep(seconds)
        with inside.get_lock():
            inside.value -= 1
    print(me, "gave it back", flush=True)

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
    add("--workers", type=number, default=6)
    add("--permits", type=number, default=2)
    add("--hold-ms", type=number, default=2000)
    # workers=4 is read as --workers=4
    args = cli.parse_args(
        ["--" + word for word in sys.argv[1:]])
    if not 1 <= args.permits <= args.workers:
        cli.error("permits must be 1 to workers")
    return args

if __name__ == "__main__":
    args = parameters()
    permits = Semaphore(args.permits)
    inside, most = Value("i", 0), Value("i", 0)
    hold = args.hold_ms / 1000  # seconds
    begin = time.perf_counter()
    crowd = [Process(target=work, args=(
                 permits, inside, most, hold))
             for _ in range(args.workers)]
    for p in crowd:
        p.start()
    for p in crowd:
        p.join()
    elapsed = time.perf_counter() - begin

    print("at most", most.value, "inside at once")
    turns = math.ceil(args.workers / args.permits)
    print("result:", json.dumps({
        "max_concurrent": most.value,
        "permits": args.permits,
        "elapsed_s": elapsed,
        "ideal_elapsed_s": turns * hold}))
