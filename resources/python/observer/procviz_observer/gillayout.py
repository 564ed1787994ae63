# SPDX-License-Identifier: GPL-3.0-or-later
"""Where this process keeps the thread that holds the GIL (CPython 3.11), for the engine to sample.

On 3.11 _PyRuntime.gilstate.tstate_current points at the PyThreadState of the thread holding the GIL, and a
PyThreadState's native_thread_id is that thread's Linux tid: the engine reads both from outside with
process_vm_readv, as py-spy does, and so sees which lane holds the GIL. Their offsets are not exported, so
they are found here by looking: while this thread runs Python it holds the GIL, so tstate_current is its
own thread state, and that state holds its own native id. The layout gilstate has in 3.11 ({int
check_enabled; tstate_current; autoInterpreterState; ...}) makes the match unambiguous: tstate_current is
followed by the interpreter. Nothing is reported unless each value is found exactly once.
"""

import struct
from _thread import get_native_id

_RUNTIME_SCAN = 4096  # gilstate sits some 600 bytes in; the runtime itself is far larger
_THREAD_STATE_SCAN = 512  # native_thread_id sits some 160 bytes in
_POINTER = struct.Struct('<Q')
_found = None  # (address of tstate_current, offset of native_thread_id); the same in fork children


def _aligned_offsets(memory, pattern):
    offsets = []
    at = memory.find(pattern)
    while at >= 0:
        if at % _POINTER.size == 0:
            offsets.append(at)
        at = memory.find(pattern, at + 1)
    return offsets


def find():
    """(absolute address of gilstate.tstate_current, offset of native_thread_id), or None."""
    global _found
    if _found is None:
        _found = _scan() or False
    return _found or None


def _scan():
    import sys
    if sys.version_info[:2] != (3, 11) or sys.implementation.name != 'cpython':
        return None
    try:
        import ctypes
        api = ctypes.pythonapi
        runtime = ctypes.addressof(ctypes.c_void_p.in_dll(api, '_PyRuntime'))
        # Prototypes of our own: setting restype on ctypes.pythonapi's would change them for the program too.
        pointer_returning = ctypes.PYFUNCTYPE(ctypes.c_void_p)
        thread_state = pointer_returning(('PyThreadState_Get', api))()
        interpreter = pointer_returning(('PyInterpreterState_Get', api))()
        if not thread_state or not interpreter:
            return None
        gilstate = _aligned_offsets(ctypes.string_at(runtime, _RUNTIME_SCAN),
                                    _POINTER.pack(thread_state) + _POINTER.pack(interpreter))
        native_id = _aligned_offsets(ctypes.string_at(thread_state, _THREAD_STATE_SCAN),
                                     _POINTER.pack(get_native_id()))
    except Exception:
        return None
    if len(gilstate) != 1 or len(native_id) != 1:
        return None
    return runtime + gilstate[0], native_id[0]
