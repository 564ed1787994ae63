# Queue: producers put numbered items, consumers
# take them until the sentinel None arrives.
# Every item is taken once, each producer's items
# in the order it put them.
# Parameters: producers=1 consumers=2 items=5
#   capacity=0 (0: no limit)
#   produce-ms=500 consume-ms=1000
import json
import os
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process, Queue

def produce(q, me, items, seconds):
    for n in range(items):
        time.sleep(seconds)  # making the item
        q.put((me, n))  # waits while q is full

def consume(q, report, seconds):
    taken = []
    while (item := q.get()) is not None:
        taken.append(item)
        time.sleep(seconds)  # handling it
    q.put(None)  # pass the sentinel on
    report.put((os.getpid(), taken))

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
    add("--producers", type=number, default=1)
    add("--consumers", type=number, default=2)
    add("--items", type=number, default=5)
    add("--capacity", type=number, default=0)
    add("--produce-ms", type=number, default=500)
    add("--consume-ms", type=number, default=1000)
    # workers=4 is read as --workers=4
    args = cli.parse_args(
        ["--" + word for word in sys.argv[1:]])
    if args.consumers < 1:
        cli.error("consumers must be 1 or more")
    return args

if __name__ == "__main__":
    args = parameters()
    make = args.produce_ms / 1000  # seconds
    take = args.consume_ms / 1000
    q = Queue(args.capacity)  # 0: no limit
    report = Queue()  # what each consumer took
    producers = [Process(target=produce, args=(
                     q, i, args.items, make))
                 for i in range(args.producers)]
    consumers = [Process(target=consume, args=(
                     q, report, take))
                 for _ in range(args.consumers)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()
    q.put(None)  # no more items: one for all
    taken = dict(report.get() for _ in consumers)
    for p in consumers:
        p.join()

    for pid, items in taken.items():
        print("consumer", pid, "took", items)
    counts = {k: len(v) for k, v in taken.items()}
    print("result:", json.dumps({
        "taken": taken,
        "per_consumer": counts,
        "produced": args.producers * args.items,
        "consumed": sum(counts.values())}))
