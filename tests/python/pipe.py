# SPDX-License-Identifier: GPL-3.0-or-later
"""A child sends messages through a Pipe under the start method argv[1]; the parent receives them in order
and answers once. Prints what the parent received."""

import multiprocessing
import sys


def talk(connection):
    for n in range(5):
        connection.send(f'message text {n}')
    connection.send({'not': 'text'})
    connection.recv()


if __name__ == '__main__':
    context = multiprocessing.get_context(sys.argv[1])
    ours, theirs = context.Pipe()
    child = context.Process(target=talk, args=(theirs,), name='talker')
    child.start()
    for _ in range(6):
        print(ours.recv())
    ours.send('thanks')
    child.join()
