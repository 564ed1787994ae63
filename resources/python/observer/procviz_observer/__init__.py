# SPDX-License-Identifier: GPL-3.0-or-later
"""ProcViz's observer: every Python process of a lesson's program reports what it does, live, to the engine.

Loaded by sitecustomize.py before the program runs (the folder holding both comes first on PYTHONPATH),
in the main program and in every process multiprocessing starts (fork, spawn, forkserver). With
$PROCVIZ_TELEMETRY unset, or the engine unreachable, it does nothing at all. It never starts a thread,
never writes to the program's output, and never lets an exception of its own reach the program.

The records and the socket are described in channel.py and record.py, what is observed in hooks/.
"""

import sys


def start():
    from . import channel
    if not channel.configure():
        return
    if sys.version_info[:2] != (3, 11) or sys.implementation.name != 'cpython':
        # The patches fit CPython 3.11's multiprocessing and threading, and nothing else for sure.
        channel.disable(f'the observer is made for CPython 3.11, not {sys.version.split()[0]}')
        return
    from . import lanes, processes
    channel.when_disabled(lanes.stop)
    identity = processes.classify()
    if identity is not None:
        processes.announce(*identity)  # connects: nothing patched if the engine is not there
        if not channel.enabled():
            return
        if identity[1] == 'resource_tracker':
            return  # it runs no program code
    _install_hooks()
    processes.start(identity)


def _install_hooks():
    from . import importhooks
    from .hooks import sleep
    sleep.install()
    importhooks.when_imported('threading', _threading)
    importhooks.when_imported('multiprocessing.process', _process)
    importhooks.when_imported('multiprocessing.popen_fork', _popen)
    importhooks.when_imported('multiprocessing.popen_forkserver', _popen)
    importhooks.when_imported('multiprocessing.synchronize', _synchronize)
    importhooks.when_imported('multiprocessing.queues', _queues)
    importhooks.when_imported('multiprocessing.connection', _connection)
    importhooks.when_imported('multiprocessing.pool', _pool)


# Each hook module is imported only once its part of the library is: a program that never uses
# multiprocessing pays for none of it.

def _threading(module):
    from .hooks import threads
    threads.install(module)


def _process(module):
    from . import processes
    processes.install_process(module)


def _popen(module):
    from . import processes
    processes.install_popen(module)


def _synchronize(module):
    from .hooks import semlocks
    semlocks.install(module)


def _queues(module):
    from .hooks import queues
    queues.install(module)


def _connection(module):
    from .hooks import pipes
    pipes.install(module)


def _pool(module):
    from .hooks import pool
    pool.install(module)
