# SPDX-License-Identifier: GPL-3.0-or-later
"""The connection to the engine: one SOCK_SEQPACKET socket per process, one record per packet.

The engine names an abstract Unix socket in $PROCVIZ_TELEMETRY ("@name"). A process connects when it has
said who it is (identity.py sends the Process record first), so the engine knows every connection's first
record. A fork child drops the connection it inherited and opens its own: the engine matches SO_PEERCRED's
pid with the records' pid. Anything going wrong turns observation off; the program itself never notices.
"""

import os
import struct
import sys
import _socket
from _thread import allocate_lock, get_native_id

from . import record

VARIABLE = 'PROCVIZ_TELEMETRY'
_SEND_BUFFER = 4 << 20  # the kernel caps it at net.core.wmem_max

pid = os.getpid()
_address = None  # the socket's address, bytes; None while observation is off
_socket_now = None
_ready = False  # this process has said who it is: records may go out
_connecting = allocate_lock()  # a raw lock: the observer must not observe itself
_on_disable = []  # what to switch off with the channel (the lanes)


def configure():
    """Reads $PROCVIZ_TELEMETRY; False (and observation off) when it is unset or not an abstract socket."""
    global _address
    name = os.environ.get(VARIABLE)
    if not name:
        return False
    if not name.startswith('@') or len(name) < 2:
        _warn(f'{VARIABLE}={name!r} is not "@<abstract socket name>"')
        return False
    _address = b'\0' + name[1:].encode()
    return True


def enabled():
    return _address is not None


def when_disabled(callback):
    _on_disable.append(callback)


def ready():
    """The Process record is next: from now on this process may send."""
    global _ready
    _ready = True


def send(packet):
    """Sends one sealed record; connects first if this process has no connection yet."""
    sock = _socket_now
    if sock is None:
        if not _ready or _address is None:
            return
        sock = _connect()
        if sock is None:
            return
    try:
        sock.send(packet, _socket.MSG_NOSIGNAL)
    except OSError:
        # The engine is gone or stopped listening: it knows, and nobody is left to tell.
        disable()


def emit(kind, state, lane, aux, value, value2, text=b'', tid=None):
    """Packs and sends one record from this process (tid: the calling thread's unless given)."""
    try:
        packet = record.pack(kind, state, pid, get_native_id() if tid is None else tid, lane, aux, value, value2,
                             text)
    except (struct.error, TypeError, OverflowError):
        return  # a value out of its field's range (a pool task past 2**31): that record is lost, nothing else
    send(packet)


def _connect():
    global _socket_now
    with _connecting:
        if _socket_now is not None or _address is None:
            return _socket_now
        sock = None
        try:
            sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_SEQPACKET | _socket.SOCK_CLOEXEC)
            try:
                # Each 128-byte packet costs the buffer some 900 bytes: the default holds a few hundred, and
                # a send waits while it is full. Room for more rides out an engine busy for a moment.
                sock.setsockopt(_socket.SOL_SOCKET, _socket.SO_SNDBUF, _SEND_BUFFER)
            except OSError:
                pass
            sock.connect(_address)
        except OSError as error:
            if sock is not None:
                sock.close()
            disable(f'cannot reach the engine at {os.environ.get(VARIABLE)} ({error.strerror or error})')
            return None
        _socket_now = sock
        return sock


def after_fork_in_child():
    """Forgets the parent's connection: the child speaks for itself once it knows who it is."""
    global pid, _socket_now, _ready, _connecting
    pid = os.getpid()
    _connecting = allocate_lock()  # another thread of the parent may have held it as it forked
    sock, _socket_now, _ready = _socket_now, None, False
    if sock is not None:
        try:
            # Closing the descriptor drops the child's reference only; the parent keeps its connection.
            os.close(sock.detach())
        except OSError:
            pass


def disable(reason=None):
    """Observation off for good in this process; one line on stderr when the user should know why."""
    global _address, _socket_now
    _address = None
    sock, _socket_now = _socket_now, None
    if sock is not None:
        try:
            sock.close()
        except OSError:
            pass
    for callback in _on_disable:
        try:
            callback()
        except Exception:
            pass
    if reason:
        _warn(reason)


def _warn(reason):
    try:
        sys.stderr.write(f'procviz: not observing this process: {reason}\n')
        sys.stderr.flush()
    except Exception:
        pass
