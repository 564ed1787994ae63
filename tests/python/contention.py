# SPDX-License-Identifier: GPL-3.0-or-later
"""Workers under the start method argv[1] start together (a Barrier) and take turns at one Lock, each turn
holding it for 3 ms of work and adding to a shared Value under the Value's own lock meanwhile. Prints the
Value at the end."""

import multiprocessing
import sys
import time

WORKERS = 3
TURNS = 4


def work(start, lock, total):
    start.wait()
    for _ in range(TURNS):
        with lock:
            until = time.monotonic() + 0.003
            while time.monotonic() < until:
                pass
            with total.get_lock():
                total.value += 1


if __name__ == '__main__':
    context = multiprocessing.get_context(sys.argv[1])
    lock = context.Lock()
    total = context.Value('i', 0)
    start = context.Barrier(WORKERS)
    workers = [context.Process(target=work, args=(start, lock, total), name=f'worker-{n}') for n in range(WORKERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    print(total.value)
