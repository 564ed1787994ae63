# SPDX-License-Identifier: GPL-3.0-or-later
"""The 128-byte telemetry record of core/telemetry/telemetryrecord.h, as the engine reads it.

Kept in step with the C++ by hand: the layout, the kinds and the version below are the wire format.
"""

import struct
from time import monotonic_ns
from zlib import crc32

MAGIC = 0x5A565050  # "PPVZ" little endian
VERSION = 3
TEXT_CAPACITY = 76  # the last byte stays 0

# RecordKind
STARTED = 1
PROGRESS = 2
STATE = 3
FINISHED = 6
MIX = 7
SPAN = 8
HANDOFF = 9
PROCESS = 10
EXITED = 11
GIL_LAYOUT = 12

# WorkerState: the states a lane measures itself
RUNNING = 0
WAITING = 1
HOLDING = 2
SLEEPING = 3
MEASURED_STATES = 4

# ProcessRole, a Process record's state
ROLE_MAIN = 0
ROLE_WORKER = 1
ROLE_HELPER = 2

_BODY = struct.Struct('<IHBBiiiiqqq76s')  # everything the checksum covers: 124 bytes
_CHECKSUM = struct.Struct('<I')
_SHARES = struct.Struct('<4q')
assert _BODY.size + _CHECKSUM.size == 128


def pack(kind, state, pid, tid, lane, aux, value, value2, text=b''):
    """One sealed record, stamped now. text is bytes of at most TEXT_CAPACITY - 1."""
    body = _BODY.pack(MAGIC, VERSION, kind, state, pid, tid, lane, aux, monotonic_ns(), value, value2, text)
    # zlib's CRC-32 is what the C++ checks (core/telemetry/crc32.cpp): a C call, not a loop in Python.
    return body + _CHECKSUM.pack(crc32(body))


def shares(nanoseconds_per_state):
    """A Mix record's text: nanoseconds per measured state (running, waiting, holding, sleeping)."""
    return _SHARES.pack(*nanoseconds_per_state)


def text(value, limit=TEXT_CAPACITY - 1):
    """value as UTF-8 of at most limit bytes, never cut inside a character."""
    encoded = value.encode('utf-8', 'replace')
    if len(encoded) <= limit:
        return encoded
    return encoded[:limit].decode('utf-8', 'ignore').encode('utf-8')
