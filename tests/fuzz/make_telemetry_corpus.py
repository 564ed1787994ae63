#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the telemetry fuzzer's seed corpus (tests/fuzz/corpus/telemetry/) in the current record format.

Run it again whenever core/telemetry/telemetryrecord.h changes its version, kinds or checksum:
    /usr/bin/python3 tests/fuzz/make_telemetry_corpus.py
The seeds are one worker of pid 4242 in a run that began at 1 s (fuzz_telemetry.cpp feeds them to a model
that expects that): one record of every kind, then the same stream cut off in its third record. Records are
packed by the Python observer's own packer, so the seeds are sealed exactly as a Python program seals them.
"""

import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'resources', 'python', 'observer'))

from procviz_observer import record  # noqa: E402 (after the path it needs)

PID = 4242
MS = 1_000_000
START = 1000 * MS  # the run's start, as fuzz_telemetry.cpp sets it


def at(ms):
    return START + ms * MS


def sealed(kind, state, timestamp, aux, value, value2, text=b'', lane=0, tid=PID):
    """A record stamped with the given time rather than now: the corpus must not change from run to run."""
    body = struct.pack('<IHBBiiiiqqq76s', record.MAGIC, record.VERSION, kind, state, PID, tid, lane, aux,
                       timestamp, value, value2, text)
    return body + struct.pack('<I', zlib.crc32(body))


def stream():
    shares = record.shares([2 * MS, 3 * MS, 4 * MS, 0])  # 9 ms of short states, from 5 ms to 14 ms
    return [
        sealed(record.STARTED, record.RUNNING, at(1), 0, 1, at(1)),
        sealed(record.STATE, record.WAITING, at(2), 0, at(2), 0),  # an open interval...
        sealed(record.STATE, record.WAITING, at(5), 0, at(2), at(5)),  # ...closed
        sealed(record.MIX, 0, at(14), 0, at(5), at(14), shares),
        sealed(record.PROGRESS, 0, at(15), 0, 50, 100),
        sealed(record.SPAN, 0, at(16), 3, at(15), 0, b'task 3'),
        sealed(record.SPAN, 0, at(20), 3, at(15), at(20), b'task 3'),
        sealed(record.HANDOFF, 0, at(21), PID, at(18), at(21), b'item 0.1'),
        sealed(4, 0, at(22), 0, 3, 0, b'queue'),  # Counter
        sealed(5, 0, at(23), 0, 0, 0, b'hello'),  # Message
        sealed(record.PROCESS, record.ROLE_WORKER, at(23), 4000, at(0), 0, b'Process-1'),
        sealed(record.EXITED, 0, at(23), 4243, -9, at(23)),
        sealed(record.GIL_LAYOUT, 0, at(23), 160, 0xA5B940, 0),
        sealed(record.FINISHED, 0, at(24), 0, 7, at(24)),
    ]


def main():
    records = stream()
    corpus = os.path.join(HERE, 'corpus', 'telemetry')
    with open(os.path.join(corpus, 'records'), 'wb') as seeds:
        seeds.write(b''.join(records))
    with open(os.path.join(corpus, 'truncated'), 'wb') as seeds:
        seeds.write(b''.join(records[:2]) + records[2][:60])


if __name__ == '__main__':
    main()
