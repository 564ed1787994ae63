# SPDX-License-Identifier: GPL-3.0-or-later
"""Whose is a lock, a thread, a queue's insides: the program's, or a library's working parts?

Only what the program itself makes is observed. multiprocessing builds queues, conditions and events out of
locks and semaphores, the standard library takes threading locks for its own housekeeping, and pools and
queues run helper threads: observed, those would draw waits and holds the program never asked for.
"""

import os
import site
import sys
from _thread import get_ident

_library_prefixes = None
_verdicts = {}  # co_filename -> True when it is the program's code
_quiet = {}  # get_ident() -> depth of quiet() blocks on that thread


def _prefixes():
    global _library_prefixes
    if _library_prefixes is None:
        places = [os.path.dirname(os.__file__), os.path.dirname(os.path.dirname(__file__))]
        try:
            places += site.getsitepackages()
            places.append(site.getusersitepackages())
        except Exception:
            pass
        places.append('/usr/lib/python3/dist-packages')  # Debian's, where site may not list it
        _library_prefixes = tuple(os.path.join(place, '') for place in places if place)
    return _library_prefixes


def is_program_file(filename):
    """True for the program's own code (its script, its modules, -c), False for the library and the observer."""
    verdict = _verdicts.get(filename)
    if verdict is None:
        # "<frozen importlib._bootstrap>" is the library; "<string>" (-c) and "<stdin>" are the program.
        verdict = not filename.startswith(_prefixes()) and not filename.startswith('<frozen ')
        _verdicts[filename] = verdict
    return verdict


def called_by_program(depth=2):
    """Whether the caller of the function that asks (depth frames up) is the program's own code."""
    try:
        return is_program_file(sys._getframe(depth).f_code.co_filename)
    except ValueError:
        return False


def is_program_callable(function):
    """Whether a thread's target (or run method) is the program's code."""
    function = getattr(function, '__func__', function)  # a bound method
    function = getattr(function, 'func', function)  # functools.partial
    code = getattr(function, '__code__', None)
    return code is not None and is_program_file(code.co_filename)


def quiet(function):
    """function, making whatever multiprocessing locks it creates unobserved (a queue's, a condition's)."""
    def quietly(*args, **kwargs):
        ident = get_ident()
        _quiet[ident] = _quiet.get(ident, 0) + 1
        try:
            return function(*args, **kwargs)
        finally:
            depth = _quiet[ident] - 1
            if depth:
                _quiet[ident] = depth
            else:
                del _quiet[ident]
    quietly.__name__ = function.__name__
    quietly.__qualname__ = function.__qualname__
    quietly.__doc__ = function.__doc__
    quietly.__wrapped__ = function
    return quietly


def in_quiet_block():
    return get_ident() in _quiet
