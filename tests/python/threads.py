# SPDX-License-Identifier: GPL-3.0-or-later
"""Three threads take turns at a threading.Lock (3 ms of work each turn), then at a Semaphore(1), then each
waits 20 ms on a Condition; a Barrier between the phases, so only one thread ever holds anything at a time.
Prints their names and native ids."""

import threading
import time

TURNS = 3
lock = threading.Lock()
permit = threading.Semaphore(1)
condition = threading.Condition()
phase = threading.Barrier(3)


def busy(seconds):
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


def work():
    for _ in range(TURNS):
        with lock:
            busy(0.003)
    phase.wait()
    with permit:
        busy(0.002)
    phase.wait()
    with condition:
        condition.wait(0.02)


if __name__ == '__main__':
    threads = [threading.Thread(target=work, name=f'worker-{n}') for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for thread in threads:
        print(thread.name, thread.native_id)
