# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a known mix of text and bytes to stdout while doing observed things (a lock, a sleep, a child)."""

import multiprocessing
import sys
import time


def child(lock):
    with lock:
        print('child speaks', flush=True)


if __name__ == '__main__':
    sys.stdout.write('first line\nno newline yet, ')
    sys.stdout.flush()
    lock = multiprocessing.Lock()
    with lock:
        time.sleep(0.002)
    process = multiprocessing.Process(target=child, args=(lock,))
    process.start()
    process.join()
    sys.stdout.buffer.write('ünïcödé \x00 bytes\n'.encode())
    sys.stdout.flush()
    print('last', end='')
