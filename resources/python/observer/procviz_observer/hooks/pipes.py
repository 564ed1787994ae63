# SPDX-License-Identifier: GPL-3.0-or-later
"""multiprocessing.connection: Connection.send and recv (Pipe(), and what Queue and Pool build on).

An observed send numbers its messages per connection and sender and sends them in an envelope; the recv
that takes one reports the hand-off, named by the message itself when it is short text or a number, else
"message <n>". A recv waits while nothing has arrived. Every recv opens envelopes, observed or not: a pool's
result thread reads what its workers sent this way.
"""

from .. import handing, record

_SHOWN_AS_TEXT = (str, int, float, bool, bytes, type(None))
_TEXT_CHARACTERS = 40  # as the C++ pipe lesson shows a message


def describe(message, number):
    kind = type(message)
    if kind not in _SHOWN_AS_TEXT:
        return b'message %d' % number
    shown = message if kind is str else repr(message)
    if len(shown) > _TEXT_CHARACTERS:
        shown = shown[:_TEXT_CHARACTERS - 1] + '\u2026'
    return record.text(shown)


def install(connection):
    Connection = connection._ConnectionBase
    Connection.send = handing.giving(Connection.send, '_procviz_sends')
    Connection.recv = handing.taking(Connection.recv, lambda connection: connection.poll, describe)
