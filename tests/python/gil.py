# SPDX-License-Identifier: GPL-3.0-or-later
"""Two threads spin in pure Python (so one of the three threads nearly always holds the GIL) for argv[1]
seconds. Prints the native ids of the main thread and the two spinners, then "spinning"."""

import sys
import threading
import time

seconds = float(sys.argv[1])
ready = threading.Barrier(3)


def spin():
    ready.wait()
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        pass


if __name__ == '__main__':
    spinners = [threading.Thread(target=spin) for _ in range(2)]
    for spinner in spinners:
        spinner.start()
    print(threading.get_native_id(), *(spinner.native_id for spinner in spinners))
    print('spinning', flush=True)
    spin()
    for spinner in spinners:
        spinner.join()
