# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints whether what the observer patches is patched: with $PROCVIZ_TELEMETRY unset, nothing may be."""

import _thread
import multiprocessing.synchronize
import threading
import time

print('time.sleep', 'patched' if type(time.sleep) is not type(len) else 'plain')
print('threading.Lock', 'patched' if threading.Lock is not _thread.allocate_lock else 'plain')
semlock = multiprocessing.synchronize.SemLock
print('SemLock', 'patched' if semlock._make_methods.__module__ != semlock.__module__ else 'plain')
