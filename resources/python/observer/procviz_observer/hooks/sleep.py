# SPDX-License-Identifier: GPL-3.0-or-later
"""time.sleep: sleeping, announced at once when it is long enough to show."""

import time
from _thread import get_ident
from time import monotonic_ns as now_ns

from ..lanes import LONG_WAIT_S, current

_real_sleep = time.sleep


def sleep(seconds):
    lane = current(get_ident())
    if lane is None:
        return _real_sleep(seconds)
    lane.sleep(now_ns())
    try:
        if seconds >= LONG_WAIT_S:
            lane.announce()
    except TypeError:
        pass  # the real sleep says what is wrong with seconds
    try:
        return _real_sleep(seconds)
    finally:
        lane.wake(now_ns())


sleep.__doc__ = _real_sleep.__doc__
sleep.__module__ = "time"  # pickled by name (pool.map(time.sleep, ...)): as time.sleep, as ever


def install():
    time.sleep = sleep
