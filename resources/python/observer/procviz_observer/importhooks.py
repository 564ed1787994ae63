# SPDX-License-Identifier: GPL-3.0-or-later
"""Patches a standard module right after it is imported, wherever that import happens.

Importing multiprocessing (30 ms and more here) in every process just to patch it would slow a program
that never uses it; and multiprocessing imports its parts (synchronize, queues, pool, ...) only when they
are first used. So a finder at the head of sys.meta_path waits for the modules we patch, lets the normal
finders find and load them, then patches them before the importer sees them.
"""

import sys

_patches = {}  # module name -> [patch(module)], until the module is imported


def when_imported(name, patch):
    """Calls patch(module) once name is imported (at once if it already is). patch must not raise."""
    module = sys.modules.get(name)
    if module is not None:
        _apply(patch, module)
        return
    _patches.setdefault(name, []).append(patch)
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)


def _apply(patch, module):
    try:
        patch(module)
    except Exception:
        pass  # an unexpected stdlib: that part goes unobserved, the program runs as it would


class _Finder:
    """Finds nothing itself: hands the search to the finders after it and wraps the loader it gets."""

    def find_spec(self, name, path, target=None):
        if name not in _patches:
            return None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, 'find_spec', None)
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, 'exec_module'):
            return spec
        spec.loader = _PatchingLoader(spec.loader, name)
        return spec


class _PatchingLoader:
    def __init__(self, loader, name):
        self._loader = loader
        self._name = name

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        # Taken only now: a find_spec() that loads nothing (importlib.util.find_spec) must not use them up.
        for patch in _patches.pop(self._name, ()):
            _apply(patch, module)

    def __getattr__(self, name):
        # get_source, get_filename, is_package, ...: inspect and traceback ask the loader for them.
        return getattr(self._loader, name)


_finder = _Finder()
