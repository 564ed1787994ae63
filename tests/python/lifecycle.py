# SPDX-License-Identifier: GPL-3.0-or-later
"""Three children under the start method argv[1]: one sleeps and ends well, one exits 3, one is killed.

Prints "<name> <pid>" for each child, so the test can find them among the records.
"""

import multiprocessing
import sys
import time


def nap():
    time.sleep(0.05)


def exit_three():
    sys.exit(3)


def wait_to_be_killed(started):
    started.set()
    time.sleep(60)


if __name__ == '__main__':
    context = multiprocessing.get_context(sys.argv[1])
    started = context.Event()
    children = [
        context.Process(target=nap, name='napper'),
        context.Process(target=exit_three, name='three'),
        context.Process(target=wait_to_be_killed, args=(started,), name='victim'),
    ]
    for child in children:
        child.start()
    started.wait()
    children[2].kill()
    for child in children:
        child.join()
        print(child.name, child.pid, child.exitcode)
