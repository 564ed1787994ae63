# SPDX-License-Identifier: GPL-3.0-or-later
"""A Pool of three maps a 2 ms piece of work over 20 numbers, one task each, under the start method argv[1],
then idles a moment and closes (so every worker comes up, waits for tasks, and ends on its own).
Prints the results."""

import multiprocessing
import sys
import time

TASKS = 20


def square(n):
    until = time.monotonic() + 0.002
    while time.monotonic() < until:
        pass
    return n * n


if __name__ == '__main__':
    pool = multiprocessing.get_context(sys.argv[1]).Pool(3)
    print(pool.map(square, range(TASKS), chunksize=1))
    time.sleep(0.05)
    pool.close()
    pool.join()
