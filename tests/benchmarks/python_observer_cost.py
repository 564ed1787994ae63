#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the Python observer (resources/python/observer) costs a program, instrumented against plain.

    /usr/bin/python3 tests/benchmarks/python_observer_cost.py [--reps 5] [--quick]

Each workload runs as its own /usr/bin/python3 process, plain (no observer on the path) and observed (the
observer on PYTHONPATH and $PROCVIZ_TELEMETRY naming a socket this script drains, as the engine would),
interleaved rep by rep; the figures are medians. This process only listens: it is not observed.

1. lock event: one multiprocessing.Lock acquire or release, in ns of CPU time (acquire+release pairs / 2);
   and, for scale, the same through a do-nothing Python function each (what any Python-level hook costs).
2. Pool.map: a CPU-bound pure-Python loop over a Pool of 2, elapsed seconds from before the pool to after
   map() returns (the observer's start-up in each worker included), observed / plain; and the CPU time of the
   whole run (interpreter start-up, main process and workers: getrusage of the reaped children), which a
   loaded machine disturbs far less than the elapsed time.
3. Value increments: two processes each doing `with lock: v.value += 1`, increments per second, observed /
   plain.
"""

import argparse
import os
import resource
import selectors
import socket
import statistics
import subprocess
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))
OBSERVER = os.path.normpath(os.path.join(HERE, '..', '..', 'resources', 'python', 'observer'))
PYTHON = '/usr/bin/python3'

LOCK_EVENTS = '''
import multiprocessing, time
lock = multiprocessing.Lock()
acquire, release = lock.acquire, lock.release
pairs = {n}
best = None
for _ in range(3):
    began = time.process_time()
    for _ in range(pairs):
        acquire(); release()
    spent = time.process_time() - began
    best = spent if best is None else min(best, spent)
print(best / pairs / 2 * 1e9)
'''

# The floor for any observer written in Python: one do-nothing Python function around each call.
LOCK_EVENTS_WRAPPED = LOCK_EVENTS.replace(
    'acquire, release = lock.acquire, lock.release',
    'def acquire(inner=lock.acquire): return inner()\ndef release(inner=lock.release): return inner()')

POOL_MAP = '''
import multiprocessing, time
def loop(n):
    total = 0
    for i in range({n}):
        total += i * i
    return total
if __name__ == '__main__':
    began = time.monotonic()
    with multiprocessing.Pool(2) as pool:
        pool.map(loop, range(8), chunksize=1)
    print(time.monotonic() - began)
'''

VALUE_INCREMENTS = '''
import multiprocessing, time
def add(value, times):
    for _ in range(times):
        with value.get_lock():
            value.value += 1
if __name__ == '__main__':
    value = multiprocessing.Value('i', 0)
    workers = [multiprocessing.Process(target=add, args=(value, {n})) for _ in range(2)]
    began = time.monotonic()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert value.value == 2 * {n}
    print(2 * {n} / (time.monotonic() - began))
'''


class Sink:
    """The engine's part: an abstract SOCK_SEQPACKET socket, drained as fast as records come."""

    def __init__(self):
        self.name = f'procviz-cost-{os.getpid()}'
        self.records = 0
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._listener.bind('\0' + self.name)
        self._listener.listen(64)
        self._listener.setblocking(False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ)
        self._stop = False
        self._thread = threading.Thread(target=self._drain, daemon=True)
        self._thread.start()

    def _drain(self):
        while not self._stop:
            for key, _ in self._selector.select(0.05):
                if key.fileobj is self._listener:
                    connection, _ = self._listener.accept()
                    self._selector.register(connection, selectors.EVENT_READ)
                    continue
                packet = key.fileobj.recv(256)
                if packet:
                    self.records += 1
                else:
                    self._selector.unregister(key.fileobj)
                    key.fileobj.close()

    def close(self):
        self._stop = True
        self._thread.join()


def run(code, observed, sink):
    """What the program printed last, and the CPU seconds it and its children used."""
    # Without PYTHONDONTWRITEBYTECODE: the first run leaves the observer compiled in __pycache__, as an
    # installed observer is (cmake/Packaging.cmake); compiling it from source would be a cost of this tree.
    dropped = ('PYTHONPATH', 'PROCVIZ_TELEMETRY', 'PYTHONDONTWRITEBYTECODE')
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    if observed:
        environment['PYTHONPATH'] = OBSERVER
        environment['PROCVIZ_TELEMETRY'] = '@' + sink.name
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([PYTHON, '-c', code], env=environment, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.stderr:
        sys.stderr.write(done.stderr)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return float(done.stdout.split()[-1]), cpu


def compare(name, code, sink, reps, unit, ratio_of, cpu=False):
    plain, observed, plain_cpu, observed_cpu = [], [], [], []
    for _ in range(reps):
        for results, cpus, observing in ((plain, plain_cpu, False), (observed, observed_cpu, True)):
            value, seconds = run(code, observing, sink)
            results.append(value)
            cpus.append(seconds)
    p, o = statistics.median(plain), statistics.median(observed)
    print(f'{name:34} plain {p:12.4g}  observed {o:12.4g} {unit:10}  {ratio_of(p, o)}')
    if cpu:
        p, o = statistics.median(plain_cpu), statistics.median(observed_cpu)
        print(f'{"  the same, CPU of the whole run":34} plain {p:12.4g}  observed {o:12.4g} {"s CPU":10}  '
              f'{(o / p - 1) * 100:+.1f} %')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--reps', type=int, default=5)
    parser.add_argument('--quick', action='store_true', help='small sizes, two reps: a smoke test')
    options = parser.parse_args()
    reps = 2 if options.quick else options.reps
    scale = 10 if options.quick else 1
    sink = Sink()
    print(f'{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}, {reps} reps, medians')
    compare('1 lock event (acquire or release)', LOCK_EVENTS.format(n=200_000 // scale), sink, reps, 'ns CPU',
            lambda p, o: f'+{o - p:.0f} ns an event (target <= 3000)')
    floor = statistics.median(run(LOCK_EVENTS_WRAPPED.format(n=200_000 // scale), False, sink)[0] for _ in range(reps))
    print(f'{"  (floor: a bare Python wrapper)":34} plain {floor:12.4g}{"":23}ns CPU')
    compare('2 Pool(2).map, CPU-bound', POOL_MAP.format(n=2_000_000 // scale), sink, reps, 's',
            lambda p, o: f'{(o / p - 1) * 100:+.1f} % elapsed (target <= 5 %)', cpu=True)
    compare('3 with lock: v.value += 1', VALUE_INCREMENTS.format(n=100_000 // scale), sink, reps, '/s',
            lambda p, o: f'observed / plain = {o / p:.2f}')
    print(f'load {os.getloadavg()[0]:.2f} at the end; {sink.records} records drained')
    sink.close()


if __name__ == '__main__':
    main()
