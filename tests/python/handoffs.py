# SPDX-License-Identifier: GPL-3.0-or-later
"""Producers put numbered items into a queue (argv[2]: Queue, SimpleQueue or JoinableQueue) that consumers
take until a sentinel, under the start method argv[1]. Prints what each consumer took, one line each."""

import multiprocessing
import sys

PRODUCERS = 2
CONSUMERS = 2
ITEMS = 5


def produce(queue, producer):
    for n in range(ITEMS):
        queue.put((producer, n))


def consume(queue, results):
    taken = []
    while True:
        item = queue.get()
        if hasattr(queue, 'task_done'):
            queue.task_done()
        if item is None:
            break
        taken.append(item)
    results.put(taken)


if __name__ == '__main__':
    context = multiprocessing.get_context(sys.argv[1])
    queue = getattr(context, sys.argv[2])()
    results = context.Queue()
    producers = [context.Process(target=produce, args=(queue, p), name=f'producer-{p}') for p in range(PRODUCERS)]
    consumers = [context.Process(target=consume, args=(queue, results), name=f'consumer-{c}')
                 for c in range(CONSUMERS)]
    for process in producers + consumers:
        process.start()
    for producer in producers:
        producer.join()
    for _ in consumers:
        queue.put(None)
    taken = sorted(item for _ in consumers for item in results.get())
    for consumer in consumers:
        consumer.join()
    print(taken == [(p, n) for p in range(PRODUCERS) for n in range(ITEMS)])
