# SPDX-License-Identifier: GPL-3.0-or-later
"""ProcViz's bootstrap: Python runs this in every process before the program, since this folder comes first
on PYTHONPATH. It starts the observer (procviz_observer), then runs the sitecustomize it shadows (Debian's
installs apport's exception hook), so the program finds the interpreter set up as it would be without us.
"""


def _start_observer():
    try:
        import procviz_observer
        procviz_observer.start()
    except Exception:
        pass  # whatever happens, the program runs


def _run_shadowed_sitecustomize():
    import os
    import sys
    # The import system's own modules, loaded already: importlib.util would cost an import of contextlib.
    from _frozen_importlib import module_from_spec
    from _frozen_importlib_external import PathFinder
    here = os.path.dirname(os.path.abspath(__file__))
    path = [entry for entry in sys.path if os.path.abspath(entry or '.') != here]
    spec = PathFinder.find_spec('sitecustomize', path)
    if spec is None or spec.loader is None:
        return
    shadowed = module_from_spec(spec)
    # Errors propagate as the shadowed file's would: site.py reports them and the program still runs.
    spec.loader.exec_module(shadowed)


_start_observer()
_run_shadowed_sitecustomize()
