// SPDX-License-Identifier: GPL-3.0-or-later
// Item 5: IPC throughput of the pipe, queue and lock scenarios against Python multiprocessing doing the same.
#include "benchcommon.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cstring>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ProcViz::Bench {

namespace {

// Same workloads, same definition of the rate: first send/put (or the start line after a barrier) to the
// last receive/get/increment, on CLOCK_MONOTONIC (Python's time.monotonic()).
constexpr const char* PythonScript = R"PY(
import json, sys, time, multiprocessing as mp

def pipe_sender(conn, n):
    conn.send((time.monotonic(), "message 1"))
    for i in range(2, n + 1):
        conn.send("message %d" % i)
    conn.close()

def run_pipe(n):
    recv, send = mp.Pipe(duplex=False)
    p = mp.Process(target=pipe_sender, args=(send, n)); p.start(); send.close()
    first, _ = recv.recv()
    for _ in range(n - 1):
        recv.recv()
    last = time.monotonic(); p.join()
    return n / (last - first)

def producer(q, n):
    q.put(time.monotonic())
    for i in range(1, n):
        q.put(i)
    q.put(None)

def run_queue(n):
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, n)); p.start()
    first = q.get(); got = 1
    while q.get() is not None:
        got += 1
    last = time.monotonic(); p.join()
    return got / (last - first)

def incrementer(value, lock, barrier, n, times):
    barrier.wait()
    start = time.monotonic()
    if lock is None:
        for _ in range(n):
            value.value += 1
    else:
        for _ in range(n):
            with lock:
                value.value += 1
    times.put((start, time.monotonic()))

def run_lock(n, locked, workers=2):
    value = mp.RawValue('q', 0); lock = mp.Lock() if locked else None
    barrier = mp.Barrier(workers); times = mp.Queue()
    ps = [mp.Process(target=incrementer, args=(value, lock, barrier, n, times)) for _ in range(workers)]
    for p in ps: p.start()
    spans = [times.get() for _ in ps]
    for p in ps: p.join()
    return workers * n / (max(e for _, e in spans) - min(s for s, _ in spans))

n = int(sys.argv[1])
print(json.dumps({"pipe": run_pipe(n), "queue": run_queue(n), "lock_on": run_lock(n, True),
                  "lock_off": run_lock(n, False)}))
)PY";

QJsonObject runPython(qint64 n)
{
    const auto python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        return {};
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QString::fromUtf8(PythonScript), QString::number(n)});
    if (!process.waitForFinished(300'000) || process.exitCode() != 0)
        return {};
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// The lock scenario reports no rate: increments done over the span every worker spent in its loop
// (from the last Started record, after which all start together, to the last Finished record).
double lockRate(const Run& run)
{
    qint64 started = 0, finished = 0, increments = 0;
    for (const auto& worker : run.model.workers()) {
        if (worker.lanes.isEmpty() || worker.lanes.first().states.isEmpty())
            return 0;
        started = std::max(started, worker.lanes.first().states.first().beginNs);
        finished = std::max(finished, worker.lanes.first().finishedNs);
    }
    for (const auto& entry : run.model.result().value(QStringLiteral("per_worker")).toArray())
        increments += entry.toObject().value(QStringLiteral("increments")).toInteger();
    return finished > started ? double(increments) * 1e9 / double(finished - started) : 0;
}

// The ceiling for one write() per message: fixed 32-byte frames (a pipe frame header and "message N"), the
// reader taking whatever has arrived in 64 KiB reads. The pipe scenario's sender packs the frames it has ready
// into one write() of up to PIPE_BUF bytes, so it can pass this; the row shows what that packing is worth.
double barePipeRate(qint64 n)
{
    int fds[2];
    if (pipe(fds) != 0)
        return 0;
    const auto t0 = monotonicNowNs();
    const pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        char frame[32] = "message";
        for (qint64 i = 0; i < n; ++i) {
            std::memcpy(frame + 24, &i, sizeof i);
            if (write(fds[1], frame, sizeof frame) != ssize_t(sizeof frame))
                _exit(1);
        }
        _exit(0);
    }
    close(fds[1]);
    std::vector<char> buffer(64 * 1024);
    qint64 bytes = 0;
    for (ssize_t got; (got = read(fds[0], buffer.data(), buffer.size())) > 0;)
        bytes += got;
    const auto t1 = monotonicNowNs();
    close(fds[0]);
    waitpid(pid, nullptr, 0);
    return double(bytes / 32) * 1e9 / double(t1 - t0);
}

} // namespace

QList<Figure> accountingBenchmarks(const Config& config)
{
    if (!config.wants(QStringLiteral("accounting")))
        return {};
    // Paired runs, accounting off then on (workers inherit the variable through the spawner): the ratio of each
    // pair, then their median, so a machine that drifts during the suite moves both sides of a pair alike.
    const auto ratios = [&](qint64 workNs, int workers, qint64 increments) {
        QList<double> list, onRates;
        for (int r = 0; r < config.repetitions; ++r) {
            double rate[2] = {0, 0};
            for (const bool on : {r % 2 == 0, r % 2 != 0}) {
                qputenv("PROCVIZ_STATE_ACCOUNTING", on ? "on" : "off");
                rate[on ? 1 : 0] = lockRate(runScenario(QStringLiteral("lock"),
                    {{QStringLiteral("workers"), workers}, {QStringLiteral("increments"), increments},
                        {QStringLiteral("lock"), QStringLiteral("on")}, {QStringLiteral("work-ns"), workNs}}));
            }
            if (rate[0] > 0)
                list.append(rate[1] / rate[0]);
            onRates.append(rate[1]);
        }
        qunsetenv("PROCVIZ_STATE_ACCOUNTING");
        return std::pair {median(list), median(onRates)};
    };
    // The lesson as it is run (4 workers, 5 µs inside the lock), and the worst case: nothing inside the lock,
    // where two clock reads an increment cost about as much as the increment itself.
    const auto lesson = ratios(5000, 4, config.quick ? 5000 : 25'000);
    const auto bare = ratios(0, 2, config.quick ? 100'000 : 1'000'000);
    return {
        {QStringLiteral("lock_accounting_ratio"), QStringLiteral("4 lock on incr/s, accounting on / off (work-ns 5000)"),
            lesson.first, QStringLiteral("x"), QStringLiteral(">= 0.9"), lesson.first >= 0.9,
            {{QStringLiteral("on_per_s"), lesson.second}, {QStringLiteral("workers"), 4}}},
        {QStringLiteral("lock_accounting_ratio_bare"), QStringLiteral("4 (worst case) the same at work-ns 0"),
            bare.first, QStringLiteral("x"), QString(), std::nullopt,
            {{QStringLiteral("on_per_s"), bare.second}, {QStringLiteral("workers"), 2}}},
    };
}

QList<Figure> ipcBenchmarks(const Config& config)
{
    if (!config.wants(QStringLiteral("ipc")))
        return {};
    const qint64 n = config.quick ? 20'000 : 1'000'000; // the scenarios' maximum for pipe and queue
    const qint64 pythonN = config.quick ? 5'000 : 100'000;
    QList<double> barePipe, pipe, queue, lockOn, lockOff, pyPipe, pyQueue, pyOn, pyOff;
    for (int r = 0; r < config.repetitions; ++r) {
        barePipe.append(barePipeRate(n));
        pipe.append(runScenario(QStringLiteral("pipe"), {{QStringLiteral("count"), n}})
                        .model.result()
                        .value(QStringLiteral("messages_per_s"))
                        .toDouble());
        queue.append(runScenario(QStringLiteral("queue"),
            {{QStringLiteral("producers"), 1}, {QStringLiteral("consumers"), 1}, {QStringLiteral("items"), n},
                {QStringLiteral("produce-ms"), 0}, {QStringLiteral("consume-ms"), 0}})
                         .model.result()
                         .value(QStringLiteral("items_per_s"))
                         .toDouble());
        for (bool on : {true, false}) {
            const auto run = runScenario(QStringLiteral("lock"),
                {{QStringLiteral("workers"), 2}, {QStringLiteral("increments"), n},
                    {QStringLiteral("lock"), on ? QStringLiteral("on") : QStringLiteral("off")},
                    {QStringLiteral("work-ns"), 0}});
            (on ? lockOn : lockOff).append(lockRate(run));
        }
        const auto py = runPython(pythonN);
        if (!py.isEmpty()) {
            pyPipe.append(py.value(QStringLiteral("pipe")).toDouble());
            pyQueue.append(py.value(QStringLiteral("queue")).toDouble());
            pyOn.append(py.value(QStringLiteral("lock_on")).toDouble());
            pyOff.append(py.value(QStringLiteral("lock_off")).toDouble());
        }
    }
    QList<Figure> figures;
    const auto add
        = [&](const QString& key, const QString& what, const QList<double>& ours, const QList<double>& python) {
              const double rate = median(ours);
              figures.append({key + QStringLiteral("_per_s"), QStringLiteral("5 %1 (ProcViz)").arg(what), rate,
                  QStringLiteral("/s"), QString(), std::nullopt, {{QStringLiteral("count"), n}}});
              if (python.isEmpty())
                  return;
              const double ratio = rate / median(python);
              figures.append({key + QStringLiteral("_vs_python"), QStringLiteral("5 %1 / Python mp").arg(what), ratio,
                  QStringLiteral("x"), QStringLiteral(">= 10"), ratio >= 10,
                  {{QStringLiteral("python_per_s"), median(python)}, {QStringLiteral("python_count"), pythonN}}});
          };
    add(QStringLiteral("pipe"), QStringLiteral("pipe --count msgs"), pipe, pyPipe);
    figures.append({QStringLiteral("pipe_bare_per_s"), QStringLiteral("5 (ceiling, 1 write()/msg) bare pipe"),
        median(barePipe), QStringLiteral("/s"), QString(), std::nullopt, {{QStringLiteral("count"), n}}});
    add(QStringLiteral("queue"), QStringLiteral("queue items, no delays"), queue, pyQueue);
    add(QStringLiteral("lock_on"), QStringLiteral("lock on increments"), lockOn, pyOn);
    add(QStringLiteral("lock_off"), QStringLiteral("lock off increments"), lockOff, pyOff);
    return figures;
}

} // namespace ProcViz::Bench
