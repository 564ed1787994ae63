# SPDX-License-Identifier: GPL-3.0-or-later
"""Which process of the program this is; its beginning and end, and its children's ends, as records.

The main program says who it is as it starts. A multiprocessing child learns its name ("Process-1",
"SpawnPoolWorker-2") only in BaseProcess._bootstrap, so it speaks from there: a fork child right after the
fork, a spawned one once it has unpickled its Process object. The forkserver and the resource tracker run
a `-c` command of multiprocessing's own: helpers, announced and otherwise left alone.

The end: a child's _bootstrap returns its exit code, and then a fork or forkserver child leaves through
os._exit (no atexit), so Finished goes out from there; the main program's from atexit. An exit code or a
signal is known to whoever reaps the child: the Popen's poll() reports it as an Exited record.
"""

import atexit
import os
import sys
from _thread import get_ident
from time import monotonic_ns as now_ns

from . import channel, gillayout, lanes, record, waits
from .record import ROLE_HELPER, ROLE_MAIN, ROLE_WORKER

_HELPERS = (
    (b'from multiprocessing.forkserver import main', 'ForkServerProcess'),
    (b'from multiprocessing.resource_tracker import main', 'resource_tracker'),
)

_began = now_ns()  # when this process began (a fork child: when it was forked)
_announced = False


def classify():
    """(role, name) of this process, or None for a spawned child, which learns its name later."""
    if '--multiprocessing-fork' in sys.argv:
        return None
    if sys.argv[:1] == ['-c']:  # the command itself is not in argv
        try:
            with open('/proc/self/cmdline', 'rb') as cmdline:
                command = cmdline.read()
        except OSError:
            command = b''
        for beginning, name in _HELPERS:
            if beginning in command:
                return ROLE_HELPER, name
    return ROLE_MAIN, 'MainProcess'


def announce(role, name):
    """The main program or a helper says who it is, at start-up (connecting to the engine)."""
    if role == ROLE_HELPER and name == 'ForkServerProcess':
        gillayout.find()  # once here rather than in every child it forks
    _announce(role, name, os.getppid())


def start(identity):
    """At start-up, once announced (identity from classify(); None for a spawned child, announced later)."""
    os.register_at_fork(after_in_child=_after_fork_in_child)
    if identity is None or identity[0] != ROLE_MAIN:
        return
    lanes.begin('MainThread', _began, main=True)
    atexit.register(_main_ends)  # registered first, so it runs last: after multiprocessing joins its children


def _announce(role, name, parent):
    global _announced
    _announced = True
    channel.ready()
    channel.emit(record.PROCESS, role, 0, parent, _began, 0, record.text(name), tid=channel.pid)
    layout = gillayout.find() if role != ROLE_HELPER else None
    if layout is not None:
        address, offset = layout
        channel.emit(record.GIL_LAYOUT, 0, 0, offset, address, 0)


def child_begins(process):
    """In the child, as BaseProcess._bootstrap begins: a worker of the program, or a manager's server."""
    if _announced:
        return
    role = ROLE_HELPER if _is_manager_server(process) else ROLE_WORKER
    _announce(role, process.name, process._parent_pid or os.getppid())
    if role == ROLE_WORKER and channel.enabled():  # not if the engine could not be reached
        lanes.begin('MainThread', main=True)


def _is_manager_server(process):
    """A Manager()'s server process ("SyncManager-1"): it serves the program's proxies, it is no worker."""
    target = getattr(process, '_target', None)
    return (getattr(target, '__module__', None) == 'multiprocessing.managers'
            and getattr(target, '__name__', None) == '_run_server')


def child_ends(exitcode):
    _end_main_lane(exitcode)


def _main_ends():
    _end_main_lane(0)  # the exit status is not known yet; the engine, its parent, learns it


def _end_main_lane(result):
    lane = lanes.current(get_ident())
    if lane is None or lane.index != 0:
        return
    lanes.report_progress(lane)
    lanes.end(lane, result if isinstance(result, int) else 1)
    lanes.stop()  # what runs after (interpreter shutdown, another atexit) is no longer the program's work


def _after_fork_in_child():
    global _began, _announced
    _began = now_ns()
    _announced = False
    channel.after_fork_in_child()
    lanes.after_fork_in_child()


def child_ended(popen, exitcode):
    """popen's child is reaped with exitcode (>= 0, or -signal): said once."""
    if popen.__dict__.get('_procviz_exited'):
        return
    popen._procviz_exited = True
    lane = lanes.current(get_ident())
    channel.emit(record.EXITED, 0, lane.index if lane is not None else 0, popen.pid, exitcode, now_ns())


def _already_reaped(process):
    return process._popen is None or process._popen.returncode is not None


def install_process(process):
    BaseProcess = process.BaseProcess
    original_bootstrap = BaseProcess._bootstrap

    def _bootstrap(self, parent_sentinel=None):
        try:
            child_begins(self)
        except Exception:
            pass
        exitcode = original_bootstrap(self, parent_sentinel)
        try:
            child_ends(exitcode)
        except Exception:
            pass
        return exitcode

    BaseProcess._bootstrap = _bootstrap
    BaseProcess.join = waits.announcing(BaseProcess.join, _already_reaped)


def install_popen(popen_module):
    """popen_fork (and popen_spawn_posix, its subclass) and popen_forkserver: their poll() reaps."""
    Popen = popen_module.Popen
    original_poll = Popen.__dict__.get('poll')
    if original_poll is None:
        return

    def poll(self, flag=os.WNOHANG):
        exitcode = original_poll(self, flag)
        if exitcode is not None:
            try:
                child_ended(self, exitcode)
            except Exception:
                pass
        return exitcode

    Popen.poll = poll
