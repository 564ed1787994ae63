# Queue: producers put numbered items, consumers take them
# until the sentinel None arrives. Every item is taken
# once, each producer's items in the order it put them.
# Parameters (name=value): producers=1 consumers=2 items=5
#   capacity=0 (0: no limit) produce-ms=500 consume-ms=1000
import json
import os
import sys
import time
from argparse import SUPPRESS, ArgumentParser
from multiprocessing import Process, Queue


def produce(q, me, items, seconds):
    for n in range(items):
        time.sleep(seconds)  # making the item
        q.put((me, n))  # waits while the queue is full


def consume(q, report, seconds):
    taken = []
    while (item := q.get()) is not None:
        taken.append(item)
        time.sleep(seconds)  # handling it
    q.put(None)  # pass the sentinel on to the next one
    report.put((os.getpid(), taken))


def number(text):
    """argparse type: a whole number, 0 or more."""
    if not text.isdigit():
        raise ValueError(text)
    return int(text)


if __name__ == "__main__":
    cli = ArgumentParser(usage=SUPPRESS, allow_abbrev=False)
    cli.add_argument("--producers", type=number, default=1)
    cli.add_argument("--consumers", type=number, default=2)
    cli.add_argument("--items", type=number, default=5)
    cli.add_argument("--capacity", type=number, default=0)
    cli.add_argument("--produce-ms", type=number,
                     default=500)
    cli.add_argument("--consume-ms", type=number,
                     default=1000)
    args = cli.parse_args("--" + a for a in sys.argv[1:])
    if args.consumers < 1:
        cli.error("argument --consumers: 1 or more")

    make_s = args.produce_ms / 1000
    take_s = args.consume_ms / 1000
    q = Queue(args.capacity)  # 0: no limit
    report = Queue()  # what each consumer took
    producers = [Process(target=produce,
                         args=(q, i, args.items, make_s))
                 for i in range(args.producers)]
    consumers = [Process(target=consume,
                         args=(q, report, take_s))
                 for _ in range(args.consumers)]
    for p in producers + consumers:
        p.start()
    for p in producers:
        p.join()
    q.put(None)  # no more items: one sentinel for all
    taken = dict(report.get() for _ in consumers)
    for p in consumers:
        p.join()

    for pid, items in taken.items():
        print("consumer", pid, "took", items)
    print("result:", json.dumps({
        "taken": taken,
        "per_consumer": {k: len(taken[k]) for k in taken},
        "produced": args.producers * args.items,
        "consumed": sum(map(len, taken.values()))}))
